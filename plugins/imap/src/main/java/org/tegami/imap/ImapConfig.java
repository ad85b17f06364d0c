package org.tegami.imap;

import java.time.Duration;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/**
 * The IMAP plugin's settings (keys in {@code conf/tegami.conf} with prefix {@code imap.}).
 *
 * @param maxLineLength longest command line without literals ({@code imap.max-line-length}, 64k)
 * @param maxMessageSize largest APPEND literal ({@code imap.max-message-size}, 50M)
 * @param sessionTimeout idle time before an authenticated client is logged out; RFC 3501 5.4
 *     asks for at least 30 minutes ({@code imap.session-timeout}, 30m)
 * @param idleTimeout how long one IDLE may last ({@code imap.idle-timeout}, 30m)
 */
public record ImapConfig(int maxLineLength, long maxMessageSize, Duration sessionTimeout, Duration idleTimeout) {

    public static ImapConfig defaults() {
        return new ImapConfig(65536, 50L * 1024 * 1024, Duration.ofMinutes(30), Duration.ofMinutes(30));
    }

    public static ImapConfig from(Settings settings) throws ConfigException {
        ImapConfig d = defaults();
        return new ImapConfig(settings.integer("max-line-length", d.maxLineLength()),
                settings.bytes("max-message-size", d.maxMessageSize()),
                settings.duration("session-timeout", d.sessionTimeout()),
                settings.duration("idle-timeout", d.idleTimeout()));
    }

    /** The largest whole command: a message plus its APPEND arguments. */
    public long maxCommandSize() {
        return maxMessageSize + maxLineLength;
    }
}

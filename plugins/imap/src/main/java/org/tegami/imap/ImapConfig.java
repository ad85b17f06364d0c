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
 * @param maxBadCommands malformed or refused commands in a row before the server says BYE
 *     ({@code imap.max-bad-commands}, 20)
 * @param maxCommandsBeforeLogin commands of any kind before login; a client that never gets
 *     there is not a mail client ({@code imap.max-commands-before-login}, 30)
 * @param loginTimeout the time from connecting to logging in, however busy the client keeps
 *     the connection ({@code imap.login-timeout}, 2m)
 */
public record ImapConfig(int maxLineLength, long maxMessageSize, Duration sessionTimeout, Duration idleTimeout,
        int maxBadCommands, int maxCommandsBeforeLogin, Duration loginTimeout) {

    public ImapConfig(int maxLineLength, long maxMessageSize, Duration sessionTimeout, Duration idleTimeout) {
        this(maxLineLength, maxMessageSize, sessionTimeout, idleTimeout, 20, 30, Duration.ofMinutes(2));
    }

    public static ImapConfig defaults() {
        return new ImapConfig(65536, 50L * 1024 * 1024, Duration.ofMinutes(30), Duration.ofMinutes(30), 20, 30,
                Duration.ofMinutes(2));
    }

    public static ImapConfig from(Settings settings) throws ConfigException {
        ImapConfig d = defaults();
        int maxLine = settings.integer("max-line-length", d.maxLineLength());
        int maxBad = settings.integer("max-bad-commands", d.maxBadCommands());
        int maxBeforeLogin = settings.integer("max-commands-before-login", d.maxCommandsBeforeLogin());
        Duration loginTimeout = settings.duration("login-timeout", d.loginTimeout());
        if (maxLine < 1024 || maxBad < 1 || maxBeforeLogin < 1) {
            throw new ConfigException("imap.max-line-length must be at least 1024, imap.max-bad-commands and "
                    + "imap.max-commands-before-login at least 1");
        }
        if (loginTimeout.isZero() || loginTimeout.isNegative()) {
            throw new ConfigException("imap.login-timeout must be positive");
        }
        return new ImapConfig(maxLine, settings.bytes("max-message-size", d.maxMessageSize()),
                settings.duration("session-timeout", d.sessionTimeout()),
                settings.duration("idle-timeout", d.idleTimeout()), maxBad, maxBeforeLogin, loginTimeout);
    }

    /** The largest whole command: a message plus its APPEND arguments. */
    public long maxCommandSize() {
        return maxMessageSize + maxLineLength;
    }
}

package org.tegami.smtp.session;

import java.time.Duration;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/**
 * The SMTP server's settings (keys with the {@code smtp.} prefix), with their defaults.
 *
 * @param maxSize {@code max-size}: largest message in octets, advertised in SIZE (RFC 1870)
 * @param maxRecipients {@code max-recipients}: recipients per message (RFC 5321 4.5.3.1.8 asks for at least 100)
 * @param maxLineLength {@code max-line-length}: command and text line limit, CRLF included (RFC 5321 4.5.3.1)
 * @param maxBadCommands {@code max-bad-commands}: refused commands (any 5xx reply) before the session is closed
 * @param maxJunkCommands {@code max-junk-commands}: NOOP, RSET, VRFY, HELP and repeated EHLO/HELO between accepted messages
 * @param sessionTimeout {@code session-timeout}: total time a session may last
 * @param commandTimeout {@code command-timeout}: how long to wait for a command (RFC 5321 4.5.3.2.7: 5 minutes)
 * @param dataTimeout {@code data-timeout}: how long to wait for each piece of message data (RFC 5321 4.5.3.2.6: 3 minutes)
 * @param vrfy {@code vrfy}: whether VRFY tells whether an address exists; off by default (252)
 * @param authOnLoopback {@code auth-on-loopback}: offer AUTH without TLS to clients on this machine
 * @param senderMustMatchLogin {@code sender-must-match-login}: an authenticated client may give as
 *     MAIL FROM only an address its login owns (on by default; README "Sender addresses")
 */
public record SmtpConfig(long maxSize, int maxRecipients, int maxLineLength, int maxBadCommands,
        int maxJunkCommands, Duration sessionTimeout, Duration commandTimeout, Duration dataTimeout,
        boolean vrfy, boolean authOnLoopback, boolean senderMustMatchLogin) {

    /** The built-in defaults. */
    public static SmtpConfig defaults() {
        return new SmtpConfig(50L * 1024 * 1024, 100, 1000, 20, 100, Duration.ofMinutes(30),
                Duration.ofMinutes(5), Duration.ofMinutes(3), false, true, true);
    }

    /** Reads the settings, falling back to {@link #defaults()}. */
    public static SmtpConfig read(Settings settings) throws ConfigException {
        SmtpConfig d = defaults();
        SmtpConfig c = new SmtpConfig(
                settings.bytes("max-size", d.maxSize),
                settings.integer("max-recipients", d.maxRecipients),
                settings.integer("max-line-length", d.maxLineLength),
                settings.integer("max-bad-commands", d.maxBadCommands),
                settings.integer("max-junk-commands", d.maxJunkCommands),
                settings.duration("session-timeout", d.sessionTimeout),
                settings.duration("command-timeout", d.commandTimeout),
                settings.duration("data-timeout", d.dataTimeout),
                settings.bool("vrfy", d.vrfy),
                settings.bool("auth-on-loopback", d.authOnLoopback),
                settings.bool("sender-must-match-login", d.senderMustMatchLogin));
        if (c.maxSize < 1024) {
            throw new ConfigException("smtp.max-size: must be at least 1k");
        }
        if (c.maxRecipients < 1 || c.maxBadCommands < 1 || c.maxJunkCommands < 1) {
            throw new ConfigException("smtp.max-recipients, smtp.max-bad-commands and smtp.max-junk-commands must be at least 1");
        }
        if (c.maxLineLength < 512) {
            throw new ConfigException("smtp.max-line-length: must be at least 512 (RFC 5321 4.5.3.1.4)");
        }
        return c;
    }
}

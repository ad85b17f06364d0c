package org.tegami.pop3.session;

import java.nio.file.Path;
import java.time.Duration;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/**
 * The POP3 plugin's settings, keys {@code pop3.*} in {@code tegami.conf}.
 *
 * @param allowPlaintext {@code pop3.allow-plaintext}: allow USER/PASS and AUTH without TLS from
 *     non-loopback clients (RFC 2595 section 2.2 advises against it)
 * @param maxLineLength {@code pop3.max-line-length}: longest command line in octets; RFC 2449
 *     section 4 allows 255 for commands, SASL responses may be longer
 * @param maxBadCommands {@code pop3.max-bad-commands}: unknown, malformed or wrong-state commands
 *     before the connection is closed
 * @param maxAuthFailures {@code pop3.max-auth-failures}: failed logins per connection before it
 *     is closed (the server-wide lockout is the authenticator's)
 * @param idleTimeout {@code pop3.idle-timeout}: the autologout timer; RFC 1939 section 3 asks
 *     for at least 10 minutes
 * @param lockStaleAfter {@code pop3.lock-stale}: a maildrop lock file not refreshed for this
 *     long is taken to belong to a dead server and is broken
 * @param mailDir {@code pop3.mail-dir}: where the users' Maildirs are ({@code <domain>/<user>/}),
 *     the same place as the core key {@code mail.dir}; the lock file goes there
 * @param maxCommandsBeforeLogin {@code pop3.max-commands-before-login}: commands a client may send
 *     before it has logged in; a client that never gets there is not a mail client
 * @param loginTimeout {@code pop3.login-timeout}: the time from connecting to logging in, however
 *     busy the client keeps the connection (the autologout timer only bounds each wait)
 */
public record Pop3Settings(boolean allowPlaintext, int maxLineLength, int maxBadCommands, int maxAuthFailures,
        Duration idleTimeout, Duration lockStaleAfter, Path mailDir, int maxCommandsBeforeLogin,
        Duration loginTimeout) {

    private static final int DEFAULT_MAX_COMMANDS_BEFORE_LOGIN = 30;
    private static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofMinutes(2);

    /** With the default limits before login. */
    public Pop3Settings(boolean allowPlaintext, int maxLineLength, int maxBadCommands, int maxAuthFailures,
            Duration idleTimeout, Duration lockStaleAfter, Path mailDir) {
        this(allowPlaintext, maxLineLength, maxBadCommands, maxAuthFailures, idleTimeout, lockStaleAfter, mailDir,
                DEFAULT_MAX_COMMANDS_BEFORE_LOGIN, DEFAULT_LOGIN_TIMEOUT);
    }

    /** The built-in defaults, as documented in the sample configuration. */
    public static Pop3Settings defaults() {
        return new Pop3Settings(false, 1024, 10, 3, Duration.ofMinutes(10), Duration.ofMinutes(15),
                Path.of("spool/mail"));
    }

    /** Reads the {@code pop3.} keys; the prefix is already stripped by the host. */
    public static Pop3Settings from(Settings settings) throws ConfigException {
        Pop3Settings d = defaults();
        try {
            return new Pop3Settings(
                    settings.bool("allow-plaintext", d.allowPlaintext()),
                    settings.integer("max-line-length", d.maxLineLength()),
                    settings.integer("max-bad-commands", d.maxBadCommands()),
                    settings.integer("max-auth-failures", d.maxAuthFailures()),
                    settings.duration("idle-timeout", d.idleTimeout()),
                    settings.duration("lock-stale", d.lockStaleAfter()),
                    settings.path("mail-dir", d.mailDir()),
                    settings.integer("max-commands-before-login", d.maxCommandsBeforeLogin()),
                    settings.duration("login-timeout", d.loginTimeout()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public Pop3Settings {
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("pop3.max-line-length must be at least 64");
        }
        if (maxBadCommands < 1 || maxAuthFailures < 1 || maxCommandsBeforeLogin < 1) {
            throw new IllegalArgumentException("pop3.max-bad-commands, pop3.max-auth-failures and "
                    + "pop3.max-commands-before-login must be positive");
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero()) {
            throw new IllegalArgumentException("pop3.login-timeout must be positive");
        }
    }
}

package org.tegami.pop3.testing;

import java.util.List;

/**
 * The maildrop every transcript starts with: user {@value #USER}, password {@value #PASSWORD},
 * three messages of 106, 52 and 70 octets (228 in all), with lines that need dot-stuffing.
 */
public final class StandardMaildrop {

    public static final String USER = "alice@localhost";
    public static final String PASSWORD = "secret";
    /** base64 of "\0alice@localhost\0secret", for AUTH PLAIN. */
    public static final String PLAIN_RESPONSE = "AGFsaWNlQGxvY2FsaG9zdABzZWNyZXQ=";

    public static final List<String> MESSAGES = List.of(
            "From: sender@example.org\r\nTo: alice@localhost\r\nSubject: one\r\n\r\n"
                    + "first line\r\n.starts with a dot\r\nlast line\r\n",
            "From: sender@example.org\r\nSubject: two\r\n\r\nbody two\r\n",
            "From: sender@example.org\r\nSubject: three\r\n\r\n.\r\nline after a lone dot\r\n");

    private StandardMaildrop() {
    }

    /** Adds the user and messages to a fake server. */
    public static FakeFolder install(FakeServer server) {
        FakeFolder inbox = server.user(USER, PASSWORD);
        MESSAGES.forEach(inbox::add);
        return inbox;
    }
}

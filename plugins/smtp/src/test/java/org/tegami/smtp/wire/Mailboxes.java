package org.tegami.smtp.wire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.tegami.testing.TestServer;

/** Finds delivered messages in a test server's Maildirs. */
final class Mailboxes {

    private Mailboxes() {
    }

    /** The text of the message with this subject in a user's INBOX, waiting up to 20 s. */
    static String delivered(TestServer server, String user, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Path file : server.messages(user)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.contains("\nSubject: " + subject + "\r\n") || text.contains("\nSubject: " + subject + "\n")) {
                    return text;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message '" + subject + "' for " + user + " in " + server.messages(user));
    }
}

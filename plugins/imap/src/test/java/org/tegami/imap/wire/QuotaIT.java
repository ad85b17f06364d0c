package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.TestServer;

/** The mailbox quota holds for APPEND and COPY as it does for delivery: NO [OVERQUOTA] (RFC 5530). */
class QuotaIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start(TestServer.builder().config("delivery.default-quota", "1000"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void append(ImapClient c, String tag, String folder, String message) throws Exception {
        c.send(tag + " APPEND " + folder + " {" + message.length() + "+}");
        c.sendRaw(message + "\r\n");
    }

    @Test
    void appendAndCopyPastTheQuotaAreRefusedWithOverquotaAndShowNothing() throws Exception {
        String message = "Subject: q\r\n\r\n" + "x".repeat(400) + "\r\n";
        try (ImapClient c = server.connect()) {
            c.ok("a1", "LOGIN alice@localhost secret");
            append(c, "a2", "INBOX", message);
            assertTrue(c.readUntilTagged("a2").get(0).startsWith("a2 OK [APPENDUID "));
            append(c, "a3", "INBOX", message);
            assertTrue(c.readUntilTagged("a3").get(0).startsWith("a3 OK [APPENDUID "));

            append(c, "a4", "INBOX", message);
            assertEquals(List.of("a4 NO [OVERQUOTA] Quota exceeded (mailbox is full)"), c.readUntilTagged("a4"));

            c.ok("a5", "SELECT INBOX");
            List<String> copy = c.command("a6", "COPY 1 Archive");
            assertEquals("a6 NO [OVERQUOTA] Quota exceeded (mailbox is full)", copy.get(copy.size() - 1));
            List<String> status = c.command("a7", "STATUS Archive (MESSAGES)");
            assertEquals("* STATUS \"Archive\" (MESSAGES 0)", status.get(0));
            List<String> inbox = c.command("a8", "STATUS INBOX (MESSAGES)");
            assertEquals("* STATUS \"INBOX\" (MESSAGES 2)", inbox.get(0));

            List<String> move = c.command("a9", "MOVE 1 Archive");
            assertTrue(move.get(move.size() - 1).startsWith("a9 OK"), move.toString());

            // two messages of 418 bytes on disk (LF line ends): 836 bytes, 1 KiB rounded up, of 1000 bytes (0 KiB)
            assertEquals(List.of("* QUOTAROOT \"Archive\" \"\"", "* QUOTA \"\" (STORAGE 1 0)",
                    "b1 OK GETQUOTAROOT completed"), c.command("b1", "GETQUOTAROOT Archive"));
            assertEquals(List.of("* QUOTA \"\" (STORAGE 1 0)", "b2 OK GETQUOTA completed"),
                    c.command("b2", "GETQUOTA \"\""));
        }
    }
}

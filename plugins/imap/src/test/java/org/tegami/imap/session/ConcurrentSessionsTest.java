package org.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.imap.testing.InMemoryImap;

class ConcurrentSessionsTest {

    private final InMemoryImap imap = new InMemoryImap();

    private void deliver(String subject) throws Exception {
        imap.store.deliver("alice@localhost", "INBOX", "Subject: " + subject + "\r\n\r\ntext\r\n");
    }

    @Test
    void idleSeesDeliveryWithinASecond() throws Exception {
        try (ImapClient c = imap.login()) {
            c.ok("s", "SELECT INBOX");
            c.send("i IDLE");
            c.expect("\\+ idling");
            long start = System.nanoTime();
            deliver("one");
            c.expect("\\* 1 EXISTS");
            c.expect("\\* 1 RECENT");
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "EXISTS took too long");
            c.send("DONE");
            c.expect("i OK IDLE terminated");
            c.ok("n", "NOOP");
        }
    }

    @Test
    void expungeByAnotherSessionWaitsForAnAllowedPoint() throws Exception {
        for (int i = 1; i <= 3; i++) {
            deliver("m" + i);
        }
        try (ImapClient a = imap.login(); ImapClient b = imap.login()) {
            a.ok("a1", "SELECT INBOX");
            b.ok("b1", "SELECT INBOX");
            b.ok("b2", "STORE 2 +FLAGS.SILENT (\\Deleted)");
            b.ok("b3", "EXPUNGE");
            // FETCH may not announce the expunge: message 2 keeps its number for session a
            List<String> fetch = a.command("a2", "FETCH 1:3 (UID FLAGS)");
            assertEquals("* 1 FETCH (UID 1 FLAGS (\\Recent))", fetch.get(0));
            assertTrue(fetch.get(1).startsWith("* 2 FETCH (UID 2 FLAGS"), fetch.toString());
            assertEquals("* 3 FETCH (UID 3 FLAGS (\\Recent))", fetch.get(2));
            List<String> body = a.command("a3", "FETCH 2 BODY.PEEK[]");
            assertTrue(body.get(body.size() - 1).startsWith("a3 NO [EXPUNGEISSUED]"), body.toString());
            List<String> search = a.ok("a4", "SEARCH ALL");
            assertEquals("* SEARCH 1 2 3", search.get(0));
            List<String> noop = a.ok("a5", "NOOP");
            assertEquals("* 2 EXPUNGE", noop.get(0));
            assertEquals(List.of("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)"), a.ok("a6", "FETCH 1:* UID").subList(0, 2));
        }
    }

    @Test
    void flagChangesAndDeliveriesReachTheOtherSession() throws Exception {
        deliver("m1");
        try (ImapClient a = imap.login(); ImapClient b = imap.login()) {
            a.ok("a1", "SELECT INBOX");
            b.ok("b1", "SELECT INBOX");
            b.ok("b2", "STORE 1 +FLAGS (\\Flagged)");
            deliver("m2");
            List<String> noop = a.ok("a2", "NOOP");
            assertEquals("* 1 FETCH (UID 1 FLAGS (\\Flagged \\Recent))", noop.get(0));
            assertEquals("* 2 EXISTS", noop.get(1));
            assertEquals("* 2 RECENT", noop.get(2));
            // UID commands may announce expunges at once
            b.ok("b3", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            b.ok("b4", "EXPUNGE");
            List<String> uidFetch = a.ok("a3", "UID FETCH 1:* FLAGS");
            assertEquals("* 1 EXPUNGE", uidFetch.get(0));
            assertEquals("* 1 FETCH (UID 2 FLAGS (\\Recent))", uidFetch.get(1));
        }
    }
}

package org.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.imap.testing.InMemoryImap;

class ImapSessionTest {

    private static final String MESSAGE = "From: Alice <alice@localhost>\r\nTo: bob@localhost\r\n"
            + "Subject: Hello\r\nDate: Tue, 1 Jul 2025 10:52:37 +0200\r\nMessage-ID: <1@localhost>\r\n\r\nHi Bob\r\n";

    private final InMemoryImap imap = new InMemoryImap();

    private static String joined(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void offersLoginDisabledOffLoopbackAndRefusesLogin() throws Exception {
        try (ImapClient c = imap.connect(false)) {
            String caps = joined(c.ok("a", "CAPABILITY"));
            assertTrue(caps.contains("LOGINDISABLED"), caps);
            assertTrue(!caps.contains("AUTH=PLAIN"), caps);
            List<String> login = c.command("b", "LOGIN alice@localhost secret");
            assertTrue(login.get(0).startsWith("b NO [PRIVACYREQUIRED]"), login.toString());
            List<String> auth = c.command("c", "AUTHENTICATE PLAIN AGFsaWNlQGxvY2FsaG9zdABzZWNyZXQ=");
            assertTrue(auth.get(0).startsWith("c NO [PRIVACYREQUIRED]"), auth.toString());
        }
    }

    @Test
    void logsInWithLoginAndAuthenticate() throws Exception {
        try (ImapClient c = imap.connect(true)) {
            assertTrue(c.command("a", "LOGIN alice@localhost wrong").get(0).startsWith("a NO [AUTHENTICATIONFAILED]"));
            assertTrue(c.command("b", "SELECT INBOX").get(0).startsWith("b BAD"));
            c.send("c AUTHENTICATE PLAIN");
            c.expect("\\+ ?");
            c.send("AGFsaWNlQGxvY2FsaG9zdABzZWNyZXQ=");
            c.expect("c OK \\[CAPABILITY IMAP4rev1 .*\\] Logged in");
        }
        try (ImapClient c = imap.connect(true)) {
            c.ok("a", "AUTHENTICATE PLAIN AGFsaWNlQGxvY2FsaG9zdABzZWNyZXQ=");
        }
        try (ImapClient c = imap.connect(true)) {
            c.send("a AUTHENTICATE LOGIN");
            c.expect("\\+ VXNlcm5hbWU6");
            c.send("Ym9iQGxvY2FsaG9zdA==");
            c.expect("\\+ UGFzc3dvcmQ6");
            c.send("aHVudGVyMg==");
            c.expect("a OK .*");
            c.send("b AUTHENTICATE PLAIN");
            c.expect("b BAD .*");
        }
        try (ImapClient c = imap.connect(true)) {
            c.send("a AUTHENTICATE PLAIN");
            c.expect("\\+ ?");
            c.send("*");
            c.expect("a BAD .*cancel.*");
        }
    }

    @Test
    void selectsAndFetches() throws Exception {
        imap.store.deliver("alice@localhost", "INBOX", MESSAGE);
        imap.store.deliver("alice@localhost", "INBOX", MESSAGE.replace("Hello", "Second"));
        try (ImapClient c = imap.login()) {
            String select = joined(c.ok("s", "SELECT inbox"));
            assertTrue(select.contains("* 2 EXISTS"), select);
            assertTrue(select.contains("* 2 RECENT"), select);
            assertTrue(select.contains("* OK [UNSEEN 1]"), select);
            assertTrue(select.contains("[UIDVALIDITY "), select);
            assertTrue(select.contains("* OK [UIDNEXT 3]"), select);
            assertTrue(select.contains("s OK [READ-WRITE]"), select);
            List<String> fetch = c.ok("f", "FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)");
            assertEquals(3, fetch.size(), fetch.toString());
            assertTrue(fetch.get(0).startsWith("* 1 FETCH (UID 1 FLAGS (\\Recent) RFC822.SIZE " + MESSAGE.length()
                    + " ENVELOPE (\"Tue, 1 Jul 2025 10:52:37 +0200\" \"Hello\" ((\"Alice\" NIL \"alice\" \"localhost\"))"),
                    fetch.get(0));
            List<String> body = c.ok("g", "FETCH 1 BODY.PEEK[]");
            assertEquals("* 1 FETCH (BODY[] {" + MESSAGE.length() + "}\r\n" + MESSAGE + ")", body.get(0));
            List<String> text = c.ok("h", "UID FETCH 2 (BODY[TEXT])");
            assertEquals("* 2 FETCH (UID 2 BODY[TEXT] {8}\r\nHi Bob\r\n FLAGS (\\Seen \\Recent))", text.get(0));
            List<String> partial = c.ok("i", "FETCH 1 (BODY.PEEK[HEADER.FIELDS (subject)]<0.5>)");
            assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)]<0> {5}\r\nSubje)", partial.get(0));
            List<String> bad = c.command("j", "FETCH 1 (BODY[HEADER.FIELDS ()])");
            assertTrue(bad.get(0).startsWith("j BAD"), bad.toString());
        }
    }

    @Test
    void storesFlagsAndExpunges() throws Exception {
        for (int i = 0; i < 4; i++) {
            imap.store.deliver("alice@localhost", "INBOX", MESSAGE);
        }
        try (ImapClient c = imap.login()) {
            c.ok("s", "SELECT INBOX");
            List<String> store = c.ok("a", "STORE 2:3 +FLAGS (\\Deleted $Label1)");
            assertEquals("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label1)", store.get(0));
            assertEquals("* 2 FETCH (FLAGS (\\Deleted \\Recent $Label1))", store.get(1));
            assertEquals(4, store.size());
            assertEquals(1, c.ok("b", "STORE 1 FLAGS.SILENT (\\Seen)").size());
            List<String> uidStore = c.ok("c", "UID STORE 4 -FLAGS (\\Seen)");
            assertEquals("* 4 FETCH (FLAGS (\\Recent) UID 4)", uidStore.get(0));
            assertTrue(c.command("d", "STORE 1 +FLAGS (\\Bogus)").get(0).startsWith("d BAD"));
            List<String> search = c.ok("e", "SEARCH DELETED");
            assertEquals("* SEARCH 2 3", search.get(0));
            List<String> expunge = c.ok("f", "EXPUNGE");
            assertEquals(List.of("* 2 EXPUNGE", "* 2 EXPUNGE"), expunge.subList(0, 2));
            List<String> fetch = c.ok("g", "FETCH 1:* (UID)");
            assertEquals(List.of("* 1 FETCH (UID 1)", "* 2 FETCH (UID 4)"), fetch.subList(0, 2));
        }
    }

    @Test
    void copiesAndMovesWithUidPlus() throws Exception {
        for (int i = 0; i < 3; i++) {
            imap.store.deliver("alice@localhost", "INBOX", MESSAGE);
        }
        try (ImapClient c = imap.login()) {
            c.ok("s", "SELECT INBOX");
            List<String> copy = c.ok("a", "COPY 1:2 Archive");
            assertTrue(copy.get(0).matches("a OK \\[COPYUID \\d+ 1:2 1:2\\] COPY completed"), copy.toString());
            assertTrue(c.command("b", "COPY 1 Nowhere").get(0).startsWith("b NO [TRYCREATE]"));
            List<String> move = c.ok("c", "UID MOVE 2 Trash");
            assertTrue(move.get(0).matches("\\* OK \\[COPYUID \\d+ 2 1\\] Moved"), move.toString());
            assertEquals("* 2 EXPUNGE", move.get(1));
            List<String> status = c.ok("d", "STATUS Archive (MESSAGES UIDNEXT UNSEEN)");
            assertEquals("* STATUS \"Archive\" (MESSAGES 2 UIDNEXT 3 UNSEEN 2)", status.get(0));
        }
    }

    @Test
    void appendsWithLiteralsAndReportsAppendUid() throws Exception {
        try (ImapClient c = imap.login()) {
            String msg = "Subject: appended\r\n\r\nbody\r\n";
            c.send("a APPEND Drafts (\\Draft \\Seen) \" 5-Mar-2026 09:00:00 +0100\" {" + msg.length() + "}");
            c.expect("\\+ .*");
            c.sendRaw(msg + "\r\n");
            c.expect("a OK \\[APPENDUID \\d+ 1\\] APPEND completed");
            c.sendRaw("b APPEND Drafts {" + msg.length() + "+}\r\n" + msg + "\r\n");
            c.expect("b OK \\[APPENDUID \\d+ 2\\] APPEND completed");
            assertTrue(c.command("c", "APPEND Missing {1+}\r\nx").get(0).startsWith("c NO [TRYCREATE]"));
            c.ok("d", "EXAMINE Drafts");
            List<String> fetch = c.ok("e", "FETCH 1 (FLAGS INTERNALDATE)");
            assertTrue(fetch.get(0).startsWith("* 1 FETCH (FLAGS (\\Draft \\Seen"), fetch.get(0));
            assertTrue(fetch.get(0).contains("2026 "), fetch.get(0));
            assertTrue(c.command("f", "STORE 1 +FLAGS (\\Flagged)").get(0).startsWith("f NO [READ-ONLY]"));
        }
    }

    @Test
    void managesMailboxesWithModifiedUtf7() throws Exception {
        try (ImapClient c = imap.login()) {
            c.ok("a", "CREATE \"Caf&AOk-/2026\"");
            String list = joined(c.ok("b", "LIST \"\" *"));
            assertTrue(list.contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\""), list);
            assertTrue(list.contains("* LIST (\\HasChildren) \"/\" \"Caf&AOk-\""), list);
            assertTrue(list.contains("* LIST (\\HasNoChildren) \"/\" \"Caf&AOk-/2026\""), list);
            assertTrue(list.contains("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\""), list);
            assertEquals("* LIST (\\Noselect) \"/\" \"\"", c.ok("c", "LIST \"\" \"\"").get(0));
            List<String> percent = c.ok("d", "LIST \"Caf&AOk-/\" %");
            assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"Caf&AOk-/2026\""), percent.subList(0, percent.size() - 1));
            c.ok("e", "RENAME \"Caf&AOk-\" Bistro");
            assertTrue(joined(c.ok("f", "LIST \"\" Bistro/*")).contains("\"Bistro/2026\""));
            assertTrue(c.command("g", "CREATE ../etc").get(0).startsWith("g NO"));
            assertTrue(c.command("h", "CREATE \"&Jjo\"").get(0).startsWith("h NO"));
            c.ok("i", "SUBSCRIBE Bistro");
            String lsub = joined(c.ok("j", "LSUB \"\" *"));
            assertTrue(lsub.contains("* LSUB () \"/\" \"Bistro\""), lsub);
            String special = joined(c.ok("k", "LIST (SPECIAL-USE) \"\" * RETURN (STATUS (MESSAGES))"));
            assertTrue(special.contains("* LIST (\\HasNoChildren \\Trash) \"/\" \"Trash\""), special);
            assertTrue(special.contains("* STATUS \"Trash\" (MESSAGES 0)"), special);
            assertTrue(!special.contains("Bistro"), special);
            c.ok("l", "DELETE Bistro/2026");
            assertTrue(c.command("m", "DELETE INBOX").get(0).startsWith("m NO"));
            c.ok("n", "ENABLE UTF8=ACCEPT");
            String utf8 = joined(c.ok("o", "LIST \"\" \"Caf*\""));
            assertTrue(!utf8.contains("Caf"), utf8);
            c.ok("p", "CREATE \"Café\"");
            assertTrue(joined(c.ok("q", "LIST \"\" Caf*")).contains("\"Café\""));
        }
    }

    @Test
    void answersBadForMalformedCommandsWithoutDropping() throws Exception {
        try (ImapClient c = imap.login()) {
            c.send("");
            c.expect("\\* BAD .*");
            c.send("a FROB");
            c.expect("a BAD Unknown command");
            c.send("b SELECT \"unterminated");
            c.expect("b BAD .*");
            c.send("c FETCH 1 FLAGS");
            c.expect("c BAD .*not allowed.*");
            c.send("d SEARCH NOT");
            c.expect("d BAD .*");
            c.ok("e", "NOOP");
        }
    }

    @Test
    void hangsUpAfterTooManyBadCommandsInARow() throws Exception {
        try (ImapClient c = imap.login()) {
            for (int i = 0; i < 19; i++) {
                c.send("x" + i + " BOGUS");
                c.expect("x" + i + " BAD .*");
            }
            c.ok("n", "NOOP");
            for (int i = 0; i < 19; i++) {
                c.send("y" + i + " FETCH 1 FLAGS");
                c.expect("y" + i + " BAD .*");
            }
            c.send("last BOGUS");
            c.expect("last BAD .*");
            c.expect("\\* BYE Too many invalid commands");
        }
    }

    @Test
    void hangsUpAfterTooManyCommandsBeforeLogin() throws Exception {
        try (ImapClient c = imap.connect(true)) {
            for (int i = 0; i < 15; i++) {
                c.ok("n" + i, "NOOP");
                c.send("x" + i + " BOGUS");
                c.expect("x" + i + " BAD .*");
            }
            c.send("last NOOP");
            c.expect("\\* BYE Too many commands without login");
        }
    }

    @Test
    void refusesOversizedLiteralsAndLines() throws Exception {
        imap.config(new org.tegami.imap.ImapConfig(200, 100, java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(30)));
        try (ImapClient c = imap.login()) {
            c.send("a APPEND INBOX {101}");
            c.expect("a NO \\[TOOBIG\\] .*");
            c.send("b " + "x".repeat(300));
            c.expect("b BAD Line too long");
            c.ok("c", "NOOP");
            c.send("d APPEND INBOX {500+}");
            c.expect("\\* BYE \\[TOOBIG\\] .*");
        }
    }
}

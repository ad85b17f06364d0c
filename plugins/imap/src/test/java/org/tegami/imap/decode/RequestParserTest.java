package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.FolderView.FlagChange;

class RequestParserTest {

    private final RequestParser parser = new RequestParser();

    private Request parse(String text) throws BadCommandException {
        return parser.parse(new CommandLine(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void bad(String text, String expectedTag) {
        BadCommandException e = assertThrows(BadCommandException.class, () -> parse(text));
        assertEquals(expectedTag, e.tag(), text);
    }

    @Test
    void parsesSimpleCommandsInAnyCase() throws Exception {
        assertEquals(new Request.NoArgs("a", "CAPABILITY"), parse("a capability"));
        assertEquals(new Request.NoArgs("x.1", "IDLE"), parse("x.1 IdLe"));
        bad("a NOOP extra", "a");
        bad("a", null);
        bad("+x NOOP", null);
        bad("a FROB", "a");
    }

    @Test
    void parsesLoginWithQuotedAndLiteralStrings() throws Exception {
        assertEquals(new Request.Login("a", "alice", "p\"w\\d"), parse("a LOGIN alice \"p\\\"w\\\\d\""));
        assertEquals(new Request.Login("a", "ålice", "x y"), parse("a LOGIN {6}\r\nålice \"x y\""));
        bad("a LOGIN alice", "a");
        bad("a LOGIN \"al\\ice\" pw", "a");
    }

    @Test
    void parsesAuthenticateWithInitialResponse() throws Exception {
        assertEquals(new Request.Authenticate("a", "PLAIN", "AGFAYgBj"), parse("a AUTHENTICATE plain AGFAYgBj"));
        assertEquals(new Request.Authenticate("a", "LOGIN", null), parse("a AUTHENTICATE LOGIN"));
        assertEquals(new Request.Authenticate("a", "PLAIN", "="), parse("a AUTHENTICATE PLAIN ="));
    }

    @Test
    void parsesMailboxCommands() throws Exception {
        assertEquals(new Request.OnMailbox("a", "SELECT", "INBOX"), parse("a SELECT INBOX"));
        assertEquals(new Request.Rename("a", "old box", "new]"), parse("a RENAME \"old box\" new]"));
        assertEquals(new Request.Status("a", "Sent", List.of("MESSAGES", "UIDNEXT")),
                parse("a STATUS Sent (messages UIDNEXT)"));
        bad("a STATUS Sent (FOO)", "a");
        bad("a STATUS Sent ()", "a");
    }

    @Test
    void parsesListVariants() throws Exception {
        assertEquals(new Request.ListMailboxes("a", "LIST", "", List.of("*"), List.of(), List.of(), List.of()),
                parse("a LIST \"\" *"));
        assertEquals(new Request.ListMailboxes("a", "LSUB", "Archive/", List.of("%"), List.of(), List.of(), List.of()),
                parse("a LSUB Archive/ %"));
        Request.ListMailboxes extended = (Request.ListMailboxes) parse(
                "a LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"INBOX\" Sent*) RETURN (CHILDREN STATUS (MESSAGES UNSEEN))");
        assertEquals(List.of("SUBSCRIBED", "RECURSIVEMATCH"), extended.selection());
        assertEquals(List.of("INBOX", "Sent*"), extended.patterns());
        assertEquals(List.of("CHILDREN", "STATUS"), extended.returnOptions());
        assertEquals(List.of("MESSAGES", "UNSEEN"), extended.statusItems());
    }

    @Test
    void parsesAppend() throws Exception {
        Request.Append append = (Request.Append) parse(
                "a APPEND Drafts (\\Seen $Work) \" 7-Feb-2026 13:05:09 -0230\" {5+}\r\nhello");
        assertEquals(List.of("\\Seen", "$Work"), append.flags());
        assertEquals(Instant.parse("2026-02-07T15:35:09Z"), append.internalDate());
        assertEquals("hello", new String(append.message().stream().readAllBytes(), StandardCharsets.US_ASCII));
        Request.Append plain = (Request.Append) parse("a APPEND INBOX {0}\r\n");
        assertEquals(0, plain.message().length());
        assertNull(plain.internalDate());
        Request.Append utf8 = (Request.Append) parse("a APPEND INBOX UTF8 (~{2+}\r\nhi)");
        assertEquals(2, utf8.message().length());
        bad("a APPEND INBOX UTF8 ({2+}\r\nhi)", "a");
        bad("a APPEND INBOX \"31-Feb-2026 00:00:00 +0000\" {1}\r\nx", "a");
        bad("a APPEND INBOX hello", "a");
    }

    @Test
    void parsesStore() throws Exception {
        assertEquals(new Request.Store("a", false, set(1, 1, 3, SequenceSet.STAR), FlagChange.ADD, true,
                List.of("\\Deleted", "foo")), parse("a STORE 1,3:* +FLAGS.SILENT (\\Deleted foo)"));
        assertEquals(new Request.Store("a", true, set(5, 5), FlagChange.REPLACE, false, List.of("\\Seen")),
                parse("a UID STORE 5 FLAGS \\Seen"));
        bad("a STORE 0 FLAGS (\\Seen)", "a");
        bad("a STORE 1 LABELS (x)", "a");
    }

    @Test
    void parsesCopyMoveAndUidExpunge() throws Exception {
        assertEquals(new Request.Copy("a", "MOVE", true, set(2, 4), "Trash"), parse("a UID MOVE 4:2 Trash"));
        assertEquals(new Request.Expunge("a", set(7, 9)), parse("a UID EXPUNGE 7:9"));
        assertEquals(new Request.Expunge("a", null), parse("a EXPUNGE"));
        bad("a UID LOGIN x y", "a");
    }

    @Test
    void parsesEnableAndId() throws Exception {
        assertEquals(new Request.Enable("a", List.of("UTF8=ACCEPT", "CONDSTORE")), parse("a ENABLE utf8=accept CONDSTORE"));
        Request.Id id = (Request.Id) parse("a ID (\"name\" \"mutt\" \"os\" NIL)");
        assertEquals("mutt", id.parameters().get("name"));
        assertTrue(id.parameters().containsKey("os"));
        assertNull(((Request.Id) parse("a ID NIL")).parameters());
    }

    private static SequenceSet set(long... bounds) {
        List<SequenceSet.Range> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ranges.add(new SequenceSet.Range(bounds[i], bounds[i + 1]));
        }
        return new SequenceSet(ranges);
    }
}

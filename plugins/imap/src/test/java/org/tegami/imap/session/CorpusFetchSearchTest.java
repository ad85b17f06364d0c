package org.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.imap.testing.InMemoryImap;

/** FETCH of sections and SEARCH over the realistic corpus, through a whole session. */
class CorpusFetchSearchTest {

    /** Sequence numbers of the corpus messages after delivery. */
    private static final List<String> CORPUS = List.of("plain.eml", "alternative.eml", "attachment.eml",
            "forward.eml", "digest.eml", "broken.eml");

    private final InMemoryImap imap = new InMemoryImap();
    private ImapClient client;

    @BeforeEach
    void deliverCorpus() throws IOException {
        for (String name : CORPUS) {
            try (InputStream in = getClass().getResourceAsStream("/corpus/" + name)) {
                imap.store.deliver("alice@localhost", "INBOX", in.readAllBytes(), Set.of());
            }
        }
        client = imap.login();
        client.ok("s", "SELECT INBOX");
    }

    private String search(String criteria) throws IOException {
        List<String> lines = client.ok("q", "SEARCH " + criteria);
        return lines.get(0);
    }

    @Test
    void searchesDecodedHeadersAndBodies() throws Exception {
        assertEquals("* SEARCH 2", search("CHARSET UTF-8 SUBJECT {7+}\r\nGRÜSSE".replace("GRÜSSE", "grüße")));
        assertEquals("* SEARCH 2", search("FROM müller".replace("müller", "\"m\u00fcller\"")));
        assertEquals("* SEARCH 2", search("BODY \"aus M\u00fcnchen\""));
        assertEquals("* SEARCH 4", search("BODY Hi!"));
        assertEquals("* SEARCH 1 4", search("TEXT \"lunch tomorrow\""));
        assertEquals("* SEARCH 1", search("HEADER Message-ID lunch-1"));
        assertEquals("* SEARCH 3 4", search("SENTSINCE 3-Jul-2025"));
        assertEquals("* SEARCH 1", search("SENTON 1-Jul-2025"));
        assertEquals("* SEARCH 1 2", search("SENTBEFORE 3-Jul-2025"));
        assertEquals("* SEARCH 3 4", search("LARGER 600"));
        assertEquals("* SEARCH 3 4", search("OR FROM carol FROM bob"));
        assertEquals("* SEARCH 1 2 5 6", search("NOT (OR FROM carol FROM bob)"));
        assertEquals("* SEARCH 5", search("SUBJECT digest BODY second"));
        assertEquals("* SEARCH", search("BODY JVBERi0"));
        assertEquals("* SEARCH 2 4 6", search("UID 2,4:* NOT 5"));
        assertEquals("* SEARCH 6", search("UID 9:*"));
        assertEquals("* SEARCH 1 2 3 4 5 6", search("SINCE 1-Jan-2020 UNSEEN RECENT NEW"));
        assertTrue(client.command("b", "SEARCH CHARSET KOI8-R ALL").get(0).startsWith("b NO [BADCHARSET"));
        client.ok("f", "STORE 3 +FLAGS ($Work \\Answered)");
        assertEquals("* SEARCH 3", search("KEYWORD $work ANSWERED"));
        assertEquals("* SEARCH 1 2 4 5 6", search("UNKEYWORD $Work"));
        assertEquals("* SEARCH 1 2 4 5 6", search("UNANSWERED"));
        List<String> uid = client.ok("u", "UID SEARCH OLD");
        assertEquals("* SEARCH", uid.get(0));
    }

    @Test
    void fetchesDecodedPartsWithBinary() throws Exception {
        String pdf = client.ok("a", "FETCH 3 (BINARY.SIZE[2] BINARY.PEEK[2]<0.8>)").get(0);
        assertEquals("* 3 FETCH (BINARY.SIZE[2] 65 BINARY[2]<0> {8}\r\n%PDF-1.4)", pdf);
        assertEquals("* 2 FETCH (BINARY.SIZE[1] 21)", client.ok("b", "FETCH 2 BINARY.SIZE[1]").get(0));
        assertEquals("* 2 FETCH (BINARY[1] {21}\r\nGr\u00fc\u00dfe aus M\u00fcnchen! FLAGS (\\Seen \\Recent))",
                client.ok("c", "FETCH 2 BINARY[1]").get(0));
        assertEquals("* 1 FETCH (BINARY[9] NIL)", client.ok("d", "FETCH 1 BINARY.PEEK[9]").get(0));
        imap.store.deliver("alice@localhost", "INBOX", "Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n");
        client.ok("n", "NOOP");
        assertTrue(client.command("e", "FETCH 7 BINARY.PEEK[1]").get(0).startsWith("e NO [UNKNOWN-CTE]"));
        byte[] nul = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        imap.store.deliver("alice@localhost", "INBOX", nul, Set.of());
        client.ok("o", "NOOP");
        String literal8 = client.ok("f", "FETCH 8 BINARY.PEEK[1]").get(0);
        assertTrue(literal8.startsWith("* 8 FETCH (BINARY[1] ~{3}\r\n"), literal8);
    }

    @Test
    void fetchesSectionsOfNestedMessages() throws Exception {
        assertEquals("* 4 FETCH (BODY[2.1] {3}\r\nHi!)", client.ok("a", "FETCH 4 BODY.PEEK[2.1]").get(0));
        assertEquals("* 4 FETCH (BODY[2.2.MIME] {91}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: inline\r\n\r\n)", client.ok("b", "FETCH 4 BODY.PEEK[2.2.MIME]").get(0));
        String header = client.ok("c", "FETCH 4 BODY.PEEK[2.HEADER.FIELDS (subject to)]").get(0);
        assertEquals("* 4 FETCH (BODY[2.HEADER.FIELDS (SUBJECT TO)] {49}\r\nTo: carol@localhost\r\n"
                + "Subject: Lunch tomorrow?\r\n\r\n)", header);
        String text = client.ok("d", "FETCH 4 BODY.PEEK[2.TEXT]<0.9>").get(0);
        assertEquals("* 4 FETCH (BODY[2.TEXT]<0> {9}\r\n--nested\r)", text);
        assertEquals("* 3 FETCH (BODY[2] {90}\r\nJVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n"
                + "ZW5kc3RyZWFtCmVuZG9iago=)", client.ok("e", "FETCH 3 BODY.PEEK[2]").get(0));
        assertEquals("* 1 FETCH (BODY[1] {54}\r\nHi Bob,\r\n\r\nare you free for lunch tomorrow?\r\n\r\nAlice\r\n)",
                client.ok("f", "FETCH 1 BODY.PEEK[1]").get(0));
        assertEquals("* 1 FETCH (BODY[3] NIL)", client.ok("g", "FETCH 1 BODY.PEEK[3]").get(0));
        assertEquals("* 2 FETCH (BODY[]<558> {12}\r\n--b1_alt--\r\n)", client.ok("h", "FETCH 2 BODY.PEEK[]<558.100>").get(0));
        assertEquals("* 2 FETCH (BODY[]<9999> \"\")", client.ok("i", "FETCH 2 BODY.PEEK[]<9999.10>").get(0));
        String rfc822 = client.ok("j", "FETCH 6 (RFC822.HEADER RFC822.SIZE)").get(0);
        assertTrue(rfc822.startsWith("* 6 FETCH (RFC822.HEADER {101}\r\nFrom: spammer@example.com\r\n"), rfc822);
        assertTrue(rfc822.endsWith("\r\n\r\n RFC822.SIZE 173)"), rfc822);
        String seen = client.ok("k", "FETCH 6 RFC822.TEXT").get(0);
        assertTrue(seen.startsWith("* 6 FETCH (RFC822.TEXT {72}") && seen.endsWith(" FLAGS (\\Seen \\Recent))"), seen);
        String structure = client.ok("l", "FETCH 5 (BODY)").get(0);
        assertTrue(structure.startsWith("* 5 FETCH (BODY ((\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" 43 (NIL \"one\""),
                structure);
    }
}

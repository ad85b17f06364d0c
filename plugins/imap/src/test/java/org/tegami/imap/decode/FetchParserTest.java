package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.imap.decode.FetchItem.Attribute;
import org.tegami.imap.decode.FetchItem.Name;
import org.tegami.imap.decode.FetchItem.Section;

class FetchParserTest {

    private final RequestParser parser = new RequestParser();

    private List<FetchItem> items(String args) throws BadCommandException {
        return ((Request.Fetch) parser.parse(new CommandLine(("a FETCH 1 " + args).getBytes(StandardCharsets.UTF_8))))
                .items();
    }

    @Test
    void expandsMacros() throws Exception {
        assertEquals(List.of(new Attribute(Name.FLAGS), new Attribute(Name.INTERNALDATE), new Attribute(Name.RFC822_SIZE)),
                items("FAST"));
        assertEquals(5, items("full").size());
        assertEquals(4, items("ALL").size());
    }

    @Test
    void parsesSectionsAndPartials() throws Exception {
        assertEquals(List.of(new Section(false, List.of(), "", List.of(), -1, 0, null)), items("BODY[]"));
        assertEquals(List.of(new Section(true, List.of(1, 2), "MIME", List.of(), -1, 0, null)), items("body.peek[1.2.mime]"));
        assertEquals(List.of(new Section(true, List.of(3), "HEADER.FIELDS.NOT", List.of("FROM", "X-Y"), 10, 20, null)),
                items("BODY.PEEK[3.HEADER.FIELDS.NOT (From \"x-y\")]<10.20>"));
        assertEquals(List.of(new Attribute(Name.UID), new Section(false, List.of(4), "", List.of(), -1, 0, null),
                new Attribute(Name.BODY)), items("(UID BODY[4] BODY)"));
        Section s = (Section) items("BODY[2.TEXT]").get(0);
        assertEquals("2.TEXT", s.spec());
        assertEquals("HEADER.FIELDS (A B)", ((Section) items("BODY[HEADER.FIELDS (a b)]").get(0)).spec());
    }

    @Test
    void mapsRfc822Items() throws Exception {
        assertEquals("RFC822.HEADER", ((Section) items("RFC822.HEADER").get(0)).legacyName());
        assertEquals(true, ((Section) items("RFC822.HEADER").get(0)).peek());
        assertEquals(false, ((Section) items("RFC822").get(0)).peek());
        assertEquals(new Attribute(Name.RFC822_SIZE), items("RFC822.SIZE").get(0));
    }

    @Test
    void parsesBinaryItems() throws Exception {
        assertEquals(List.of(new FetchItem.Binary(true, List.of(1, 2), 0, 10, false)), items("BINARY.PEEK[1.2]<0.10>"));
        assertEquals(List.of(new FetchItem.Binary(false, List.of(), -1, 0, true)), items("BINARY.SIZE[]"));
        assertEquals("BINARY[3]<5>", ((FetchItem.Binary) items("binary[3]<5.1>").get(0)).responseName());
        assertThrows(BadCommandException.class, () -> items("BINARY[1.TEXT]"));
        assertThrows(BadCommandException.class, () -> items("BINARY.SIZE[1]<0.5>"));
    }

    @Test
    void rejectsBrokenItems() {
        for (String bad : new String[] {"BODY[MIME]", "BODY[1.FOO]", "BODY[HEADER.FIELDS]", "BODY[]<1>", "BODY[]<1.0>",
                "(FLAGS", "FLAGS)", "BOGUS", "()", "BODY[0]", "ALL FLAGS"}) {
            assertThrows(BadCommandException.class, () -> items(bad), bad);
        }
    }
}

package org.tegami.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tegami.imap.encode.BodyStructureEncoder;
import org.tegami.imap.encode.EnvelopeEncoder;

class MimeCorpusTest {

    static byte[] message(String name) throws IOException {
        try (InputStream in = MimeCorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            return in.readAllBytes();
        }
    }

    static Map<String, String> expectations(String name) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(message(name), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                out.put(parts[0], parts[1].strip());
            }
        }
        return out;
    }

    /** Hands out the message in 7-byte pieces, so no line arrives whole in one read. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void bodyStructureMatchesTheCorpus() throws Exception {
        for (Map.Entry<String, String> e : expectations("expected-bodystructure.txt").entrySet()) {
            MimePart part = MimeParser.parse(trickle(message(e.getKey())));
            assertEquals(e.getValue(), BodyStructureEncoder.encode(part, true, false), e.getKey());
        }
    }

    @Test
    void envelopeMatchesTheCorpus() throws Exception {
        for (Map.Entry<String, String> e : expectations("expected-envelope.txt").entrySet()) {
            MimeHeader header = MimeParser.parseHeader(new ByteArrayInputStream(message(e.getKey())));
            assertEquals(e.getValue(), EnvelopeEncoder.encode(header, false), e.getKey());
        }
    }

    @Test
    void nonExtensibleBodyOmitsExtensionData() throws Exception {
        MimePart part = MimeParser.parse(new ByteArrayInputStream(message("alternative.eml")));
        assertEquals("((\"text\" \"plain\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 33 1)"
                + "(\"text\" \"html\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 49 1) \"alternative\")",
                BodyStructureEncoder.encode(part, false, false));
    }

    @Test
    void partOffsetsPointAtTheRightBytes() throws Exception {
        byte[] bytes = message("forward.eml");
        MimePart root = MimeParser.parse(new ByteArrayInputStream(bytes));
        assertEquals("See below.", slice(bytes, root.find(java.util.List.of(1))));
        MimePart enclosed = root.find(java.util.List.of(2)).children().get(0);
        assertEquals("Hi!", slice(bytes, root.find(java.util.List.of(2, 1))));
        assertEquals("iVBORw0KGgo=", slice(bytes, root.find(java.util.List.of(2, 2))));
        assertEquals("From: Alice", new String(bytes, (int) enclosed.start(), 11, StandardCharsets.US_ASCII));
        assertEquals(null, root.find(java.util.List.of(3)));
        assertEquals(null, root.find(java.util.List.of(1, 2)));
    }

    private static String slice(byte[] bytes, MimePart part) {
        return new String(bytes, (int) part.bodyStart(), (int) part.bodySize(), StandardCharsets.ISO_8859_1);
    }
}

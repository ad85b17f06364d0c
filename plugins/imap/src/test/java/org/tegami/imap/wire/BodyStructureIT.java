package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;

/** The message corpus delivered into a real Maildir and read back with FETCH BODYSTRUCTURE and ENVELOPE. */
class BodyStructureIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BodyStructureIT.class.getResourceAsStream("/corpus/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> expectations(String name) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                out.put(parts[0], parts[1].strip());
            }
        }
        return out;
    }

    @Test
    void corpusStructuresSurviveTheMaildir() throws Exception {
        Map<String, String> structures = expectations("expected-bodystructure.txt");
        Map<String, String> envelopes = expectations("expected-envelope.txt");
        List<String> names = new ArrayList<>(structures.keySet());
        try (ImapClient c = server.connect()) {
            c.ok("a", "LOGIN t6@localhost secret");
            for (String name : names) {
                server.dropIntoNew("t6@localhost", resource(name));
            }
            c.ok("b", "EXAMINE INBOX");
            for (int seq = 1; seq <= names.size(); seq++) {
                List<String> lines = c.ok("f" + seq, "FETCH " + seq + " (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT)] BODYSTRUCTURE)");
                String line = lines.get(0);
                String name = nameOf(line, names);
                assertEquals("BODYSTRUCTURE " + structures.get(name) + ")", line.substring(line.indexOf("BODYSTRUCTURE ")),
                        name);
                if (envelopes.containsKey(name)) {
                    String envelope = c.ok("e" + seq, "FETCH " + seq + " ENVELOPE").get(0);
                    assertEquals("* " + seq + " FETCH (ENVELOPE " + envelopes.get(name) + ")", envelope, name);
                }
            }
        }
    }

    /** Which corpus file a fetched message is, by its subject (the Maildir orders by arrival). */
    private static String nameOf(String fetchLine, List<String> names) throws IOException {
        for (String name : names) {
            String text = new String(resource(name), StandardCharsets.UTF_8);
            String subject = text.lines().filter(l -> l.startsWith("Subject:")).findFirst().orElseThrow();
            if (fetchLine.contains(subject.strip())) {
                return name;
            }
        }
        throw new AssertionError("unknown message: " + fetchLine);
    }
}

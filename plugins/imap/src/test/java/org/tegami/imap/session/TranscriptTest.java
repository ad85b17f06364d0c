package org.tegami.imap.session;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tegami.imap.testing.ImapClient;
import org.tegami.imap.testing.InMemoryImap;
import org.tegami.imap.testing.Transcript;

/** Runs every transcript in {@code src/test/resources/transcripts} against in-memory sessions (loopback). */
class TranscriptTest {

    static List<String> transcripts() throws Exception {
        URL dir = TranscriptTest.class.getResource("/transcripts");
        String[] names = new File(dir.toURI()).list((d, n) -> n.endsWith(".txt"));
        Arrays.sort(names);
        return Arrays.asList(names);
    }

    @TestFactory
    Stream<DynamicTest> transcriptsPass() throws Exception {
        return transcripts().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Transcript transcript = Transcript.load(name);
            InMemoryImap imap = new InMemoryImap();
            List<ImapClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < transcript.sessions(); i++) {
                    clients.add(imap.connect(true));
                }
                transcript.run(clients);
            } finally {
                for (ImapClient c : clients) {
                    c.close();
                }
            }
        }));
    }
}

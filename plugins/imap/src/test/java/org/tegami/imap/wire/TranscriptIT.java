package org.tegami.imap.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tegami.imap.testing.ImapClient;
import org.tegami.imap.testing.Transcript;

/** Every raw transcript, over real sockets against core's Maildir store; each with its own user. */
class TranscriptIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> transcriptsPassOverSockets() throws Exception {
        List<String> names = org.tegami.imap.session.TranscriptAccess.names();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String user = "t" + (i + 1) + "@localhost";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Transcript transcript = Transcript.load(name).as(user);
                List<ImapClient> clients = new ArrayList<>();
                try {
                    for (int s = 0; s < transcript.sessions(); s++) {
                        clients.add(server.connect());
                    }
                    transcript.run(clients);
                } finally {
                    for (ImapClient c : clients) {
                        c.close();
                    }
                }
            }));
        }
        return tests.stream();
    }
}

package org.tegami.pop3;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tegami.pop3.session.Pop3Settings;
import org.tegami.pop3.testing.FakeServer;
import org.tegami.pop3.testing.SocketHost;
import org.tegami.pop3.testing.SocketTranscriptRunner;
import org.tegami.pop3.testing.StandardMaildrop;
import org.tegami.pop3.testing.Transcript;

/** Every transcript over TCP against the plugin alone (in-memory store, test socket host). */
class PluginTranscriptIT {

    @TempDir
    Path mailDir;

    static Stream<String> transcripts() {
        return Transcript.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcriptRunsOverTcp(String name) throws Exception {
        FakeServer server = new FakeServer();
        StandardMaildrop.install(server);
        Pop3Settings d = Pop3Settings.defaults();
        Pop3Service service = new Pop3Service(new Pop3Settings(false, d.maxLineLength(), d.maxBadCommands(),
                d.maxAuthFailures(), d.idleTimeout(), d.lockStaleAfter(), mailDir));
        service.start(server);
        try (SocketHost host = new SocketHost(service)) {
            SocketTranscriptRunner.run(Transcript.load(name), host.plainPort());
        }
    }
}

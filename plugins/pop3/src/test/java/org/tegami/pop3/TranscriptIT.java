package org.tegami.pop3;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tegami.pop3.testing.Pop3TestServer;
import org.tegami.pop3.testing.SocketTranscriptRunner;
import org.tegami.pop3.testing.Transcript;

/**
 * Every transcript over TCP against the real server (core's listeners, TLS, authenticator and
 * Maildir store) with the POP3 plugin; each starts from the standard maildrop.
 */
class TranscriptIT {

    static Stream<String> transcripts() {
        return Transcript.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcriptRunsOverTcp(String name) throws Exception {
        try (Pop3TestServer server = Pop3TestServer.withStandardMaildrop()) {
            SocketTranscriptRunner.run(Transcript.load(name), server.pop3Port());
        }
    }
}

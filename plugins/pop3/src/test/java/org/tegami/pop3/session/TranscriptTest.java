package org.tegami.pop3.session;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tegami.pop3.command.CommandTable;
import org.tegami.pop3.testing.FakeServer;
import org.tegami.pop3.testing.MemoryTranscriptRunner;
import org.tegami.pop3.testing.StandardMaildrop;
import org.tegami.pop3.testing.Transcript;

/** Every transcript, run against a session over in-memory streams and the standard maildrop. */
class TranscriptTest {

    static Stream<String> transcripts() {
        return Transcript.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcriptRuns(String name) throws Exception {
        FakeServer server = new FakeServer();
        StandardMaildrop.install(server);
        MaildropLocks locks = new MaildropLocks(null, Duration.ofMinutes(15), "test", Clock.systemUTC());
        CommandTable commands = new CommandTable();
        MemoryTranscriptRunner.run(Transcript.load(name),
                connection -> () -> new Pop3Session(connection, server, Pop3Settings.defaults(), locks, commands)
                        .run());
    }
}

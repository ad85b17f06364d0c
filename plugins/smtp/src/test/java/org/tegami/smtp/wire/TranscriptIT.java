package org.tegami.smtp.wire;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every transcript under {@code src/test/resources/transcripts} against core with the plugins, over real sockets. */
class TranscriptIT {

    private static WireServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new WireServers();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws Exception {
        Path folder = folder();
        return Files.list(folder).filter(p -> p.toString().endsWith(".txt")).sorted()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> new TranscriptRunner(servers::port).run(p)));
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(TranscriptIT.class.getResource("/transcripts").toURI());
    }
}

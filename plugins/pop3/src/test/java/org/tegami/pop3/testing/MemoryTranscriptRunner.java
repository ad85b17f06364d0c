package org.tegami.pop3.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a {@link Transcript} against a session over a {@link FakeConnection}: all client lines
 * go in at once (before and after the TLS step), then the server's lines are matched in order.
 * POP3 answers strictly in order, so this checks the same as a step-by-step run, pipelining
 * included.
 */
public final class MemoryTranscriptRunner {

    private MemoryTranscriptRunner() {
    }

    /**
     * @param serve runs a whole session on the connection
     */
    public static void run(Transcript transcript, Function<FakeConnection, IOExceptionRunnable> serve)
            throws IOException {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        StringBuilder target = before;
        List<Transcript.Step> expectations = new ArrayList<>();
        for (Transcript.Step step : transcript.steps()) {
            if (step instanceof Transcript.Send send) {
                for (String line : send.lines()) {
                    target.append(line).append("\r\n");
                }
            } else if (step instanceof Transcript.StartTls) {
                target = after;
            } else {
                expectations.add(step);
            }
        }
        FakeConnection connection = new FakeConnection(before.toString(), after.toString(), true);
        serve.apply(connection).run();
        String[] lines = connection.written().split("\r\n", -1);
        int next = 0;
        for (Transcript.Step step : expectations) {
            if (step instanceof Transcript.Expect expect) {
                if (next >= lines.length - 1) {
                    fail(transcript.name() + ":" + expect.sourceLine() + ": server said nothing more, wanted "
                            + expect.line() + "\n" + connection.written());
                }
                String actual = lines[next++];
                assertTrue(expect.line().matcher(actual).matches(), transcript.name() + ":" + expect.sourceLine()
                        + ": wanted " + expect.line() + " got " + actual + "\n" + connection.written());
            } else if (step instanceof Transcript.Closed closed) {
                assertEquals(lines.length - 1, next, transcript.name() + ":" + closed.sourceLine()
                        + ": server said more before closing\n" + connection.written());
            }
        }
        assertEquals(lines.length - 1, next, transcript.name() + ": unexpected server lines\n" + connection.written());
    }

    /** A session run that may fail with I/O errors. */
    @FunctionalInterface
    public interface IOExceptionRunnable {
        void run() throws IOException;
    }
}

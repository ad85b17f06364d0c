package org.tegami.smtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 4096})
    void readsCommandLinesHoweverTheBytesAreSplit(int piece) throws IOException {
        LineReader r = Trickle.reader("EHLO a\r\n\r\nMAIL FROM:<\u00e4@b>\r\n", piece);
        assertEquals(new CommandLine("EHLO a", null), r.readCommand(100));
        assertEquals(new CommandLine("", null), r.readCommand(100));
        assertEquals(new CommandLine("MAIL FROM:<\u00e4@b>", null), r.readCommand(100));
        assertNull(r.readCommand(100));
    }

    @Test
    void refusesLongLinesAndSkipsToTheirEnd() throws IOException {
        LineReader r = Trickle.reader("x".repeat(5000) + "\r\nNOOP\r\n", 333);
        assertEquals(CommandLine.Problem.TOO_LONG, r.readCommand(1000).problem());
        assertEquals("NOOP", r.readCommand(1000).text());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 4096})
    void readsLongLinesUpToTheLimit(int piece) throws IOException {
        LineReader r = Trickle.reader("A".repeat(12000) + "\r\n" + "B".repeat(12287) + "\r\nC\r\n", piece);
        assertEquals(12000, r.readCommand(12288).text().length());
        assertEquals(CommandLine.Problem.TOO_LONG, r.readCommand(12288).problem());
        assertEquals("C", r.readCommand(12288).text());
    }

    @Test
    void aLineOfExactlyTheLimitPasses() throws IOException {
        LineReader r = Trickle.reader("x".repeat(998) + "\r\n", 5);
        assertEquals(998, r.readCommand(1000).text().length());
    }

    @Test
    void flagsBareLfAndInnerCr() throws IOException {
        LineReader r = Trickle.reader("NOOP\nNO\rOP\r\nNO\0OP\r\n", 2);
        assertEquals(CommandLine.Problem.BARE_LF, r.readCommand(100).problem());
        assertEquals(CommandLine.Problem.BARE_CR, r.readCommand(100).problem());
        assertEquals(CommandLine.Problem.BARE_CR, r.readCommand(100).problem());
    }

    @Test
    void discardsWhatIsBuffered() throws IOException {
        LineReader r = Trickle.reader("STARTTLS\r\nMAIL FROM:<x@y>\r\n", 4096);
        assertEquals("STARTTLS", r.readCommand(100).text());
        assertEquals(17, r.discardBuffered());
        assertNull(r.readCommand(100));
    }

    @Test
    void flushesBeforeWaitingForTheClient() throws IOException {
        int[] flushes = {0};
        LineReader r = new LineReader(new Trickle("A\r\nB\r\n", 3), () -> flushes[0]++);
        r.readCommand(10);
        r.readCommand(10);
        assertEquals(2, flushes[0]);
    }

    @Test
    void failsAfterTheDeadline() {
        LineReader r = Trickle.reader("A\r\n", 1);
        r.setDeadline(System.nanoTime() - 1);
        org.junit.jupiter.api.Assertions.assertThrows(SessionTimeoutException.class, () -> r.readCommand(10));
    }
}

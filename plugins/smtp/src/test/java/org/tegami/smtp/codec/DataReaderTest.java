package org.tegami.smtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataReaderTest {

    private static String read(DataReader data) throws IOException {
        return new String(data.readAllBytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 4096})
    void unstuffsAndStopsAtTheDotLineHoweverSplit(int piece) throws IOException {
        LineReader r = Trickle.reader("a\r\n..b\r\n.\r\n...\r\n.\r\nNOOP\r\n", piece);
        DataReader data = new DataReader(r, 1000, 1000);
        assertEquals("a\r\n.b\r\n", read(data));
        assertTrue(data.finished());
        assertEquals("..\r\n", read(new DataReader(r, 1000, 1000)));
        assertEquals("NOOP", r.readCommand(100).text());
    }

    @Test
    void anEmptyMessageEndsAtOnce() throws IOException {
        assertEquals("", read(new DataReader(Trickle.reader(".\r\n", 1), 10, 1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x\n.\n", "x\r\n.\n", "x\n.\r\n", "x\r.\r\n", "x\r\n.\r"})
    void smugglingEndsAreContentAndRefused(String trick) throws IOException {
        LineReader r = Trickle.reader("a\r\n" + trick + "\r\nMAIL FROM:<e@x>\r\n.\r\nQUIT\r\n", 3);
        DataReader data = new DataReader(r, 10_000, 1000);
        DataRejectedException e = assertThrows(DataRejectedException.class, () -> read(data));
        assertEquals(550, e.reply().code());
        data.drain();
        assertEquals("QUIT", r.readCommand(100).text(), "only CRLF.CRLF ends the data");
    }

    @Test
    void refusesTooBigAndDrainsToTheEnd() throws IOException {
        LineReader r = Trickle.reader("0123456789\r\n".repeat(10) + ".\r\nQUIT\r\n", 64);
        DataReader data = new DataReader(r, 50, 1000);
        assertEquals(552, assertThrows(DataRejectedException.class, () -> read(data)).reply().code());
        data.drain();
        assertEquals("QUIT", r.readCommand(100).text());
    }

    @Test
    void refusesOverLongLinesButKeepsTrackOfLineStarts() throws IOException {
        LineReader r = Trickle.reader("x".repeat(3000) + "\r\n.\r\nQUIT\r\n", 100);
        DataReader data = new DataReader(r, 100_000, 1000);
        assertEquals("5.6.0", assertThrows(DataRejectedException.class, () -> read(data)).reply().enhanced());
        data.drain();
        assertEquals("QUIT", r.readCommand(100).text());
    }

    @Test
    void aLineOf1000OctetsWithCrlfIsFine() throws IOException {
        String line = "y".repeat(998) + "\r\n";
        assertEquals(line, read(new DataReader(Trickle.reader(line + ".\r\n", 7), 100_000, 1000)));
    }

    @Test
    void theStuffedDotDoesNotCountTowardTheLineLimit() throws IOException {
        String line = "." + "z".repeat(997) + "\r\n";
        assertEquals(line, read(new DataReader(Trickle.reader("." + line + ".\r\n", 11), 100_000, 1000)));
    }

    @Test
    void reportsAClientThatGoesAway() {
        DataReader data = new DataReader(Trickle.reader("abc\r\n", 2), 100, 1000);
        assertThrows(IOException.class, () -> read(data));
        assertTrue(data.clientFailed());
    }
}

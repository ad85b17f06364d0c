package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandReaderTest {

    private static final CommandReader.Limits LIMITS = new CommandReader.Limits(100, 50, 200);

    /** Hands out the input in pieces of the given sizes, then the rest one byte at a time. */
    private static InputStream chopped(String text, int... pieces) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int pos;
            int piece;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = piece < pieces.length ? pieces[piece++] : 1;
                n = Math.min(Math.min(n, len), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void readsLiteralsSplitAnywhere() throws Exception {
        String input = "a1 LOGIN {5}\r\nal\r\nx {3+}\r\npw!\r\n";
        for (int split = 1; split < input.length(); split++) {
            int[] continuations = {0};
            CommandReader reader = new CommandReader(chopped(input, split, 1, 3), LIMITS);
            CommandLine line = reader.read(() -> continuations[0]++);
            assertEquals("a1 LOGIN {5}\r\nal\r\nx {3+}\r\npw!", line.toString());
            assertEquals(1, continuations[0], "one continuation for the synchronising literal only");
        }
    }

    @Test
    void acceptsBareLineFeedAndLoneCrlf() throws Exception {
        CommandReader reader = new CommandReader(new ByteArrayInputStream("\r\na NOOP\nb NOOP\r\n".getBytes()), LIMITS);
        assertEquals("", reader.read(() -> { }).toString());
        assertEquals("a NOOP", reader.read(() -> { }).toString());
        assertEquals("b NOOP", reader.read(() -> { }).toString());
        assertThrows(EOFException.class, () -> reader.read(() -> { }));
    }

    @Test
    void skipsTooLongLinesAndKeepsTheTag() throws Exception {
        String input = "t7 " + "x".repeat(300) + "\r\nnext NOOP\r\n";
        CommandReader reader = new CommandReader(chopped(input, 7), LIMITS);
        BadCommandException e = assertThrows(BadCommandException.class, () -> reader.read(() -> { }));
        assertEquals("t7", e.tag());
        assertEquals("next NOOP", reader.read(() -> { }).toString());
    }

    @Test
    void refusesLargeSynchronisingLiteralBeforeItIsSent() throws Exception {
        int[] continuations = {0};
        CommandReader reader = new CommandReader(new ByteArrayInputStream("a APPEND x {51}\r\nb NOOP\r\n".getBytes()), LIMITS);
        BadCommandException e = assertThrows(BadCommandException.class, () -> reader.read(() -> continuations[0]++));
        assertEquals("TOOBIG", e.code());
        assertTrue(!e.fatal());
        assertEquals(0, continuations[0]);
        assertEquals("b NOOP", reader.read(() -> { }).toString());
    }

    @Test
    void largeNonSynchronisingLiteralIsFatal() {
        CommandReader reader = new CommandReader(new ByteArrayInputStream("a APPEND x {51+}\r\n".getBytes()), LIMITS);
        BadCommandException e = assertThrows(BadCommandException.class, () -> reader.read(() -> { }));
        assertTrue(e.fatal());
    }

    @Test
    void enforcesTheWholeCommandSize() {
        String input = "a X {45+}\r\n" + "y".repeat(45) + " {45+}\r\n" + "z".repeat(45) + " {45+}\r\n" + "w".repeat(45)
                + " {45+}\r\n";
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input.getBytes()), LIMITS);
        assertThrows(BadCommandException.class, () -> reader.read(() -> { }));
    }

    @Test
    void endOfInputInsideALiteralIsAnError() {
        CommandReader reader = new CommandReader(new ByteArrayInputStream("a LOGIN {10+}\r\nabc".getBytes()), LIMITS);
        assertThrows(EOFException.class, () -> reader.read(() -> { }));
    }

    @Test
    void spoolsLargeLiteralsToAFileAndDeletesIt() throws Exception {
        String big = "m".repeat(30);
        CommandReader reader = new CommandReader(chopped("a APPEND INBOX {30+}\r\n" + big + "\r\n", 5),
                new CommandReader.Limits(100, 50, 200, 10));
        CommandLine line = reader.read(() -> { });
        assertEquals(1, line.spooled().size());
        Request.Append append = (Request.Append) new RequestParser().parse(line);
        LiteralContent.Spooled spooled = (LiteralContent.Spooled) append.message();
        assertEquals(big, new String(spooled.stream().readAllBytes(), StandardCharsets.US_ASCII));
        line.discard();
        assertTrue(!java.nio.file.Files.exists(spooled.file()));
        CommandLine login = new CommandReader(chopped("a LOGIN {30+}\r\n" + big + " x\r\n"),
                new CommandReader.Limits(100, 50, 200, 10)).read(() -> { });
        assertEquals("String too long", assertThrows(BadCommandException.class, () -> new RequestParser().parse(login))
                .getMessage());
        login.discard();
    }

    @Test
    void readsContinuationLinesRaw() throws IOException {
        CommandReader reader = new CommandReader(chopped("DONE\r\n" + "z".repeat(150) + "\r\n", 2), LIMITS);
        assertEquals("DONE", new String(reader.readLine(false), StandardCharsets.US_ASCII));
        assertNull(reader.readLine(false));
    }
}

package org.tegami.smtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the SMTP codec: whole client transcripts (commands, DATA and BDAT content) are
 * replayed through the line reader, request parser, DATA and BDAT readers. Only
 * {@link SyntaxException} and {@link IOException} (end of input, rejected data) may escape.
 * The seeded mutation test runs a fixed batch; the {@code @FuzzTest} targets replay their seeds
 * in {@code SmtpCodecFuzzTestInputs/<method>/} in a normal build and are fuzzed with coverage
 * guidance by {@code bench/fuzz.sh}.
 */
class SmtpCodecFuzzTest {

    private static final int MAX_LINE = 1000;
    private static final long MAX_SIZE = 20_000;

    @Test
    void mutatedTranscriptsFailOnlyWithProtocolErrors() {
        List<byte[]> inputs = Mutator.ofText(401,
                "EHLO client.example\r\nMAIL FROM:<a@example.org> SIZE=100 BODY=8BITMIME\r\n"
                        + "RCPT TO:<c@example.net> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;c+2Bx@example.net\r\n"
                        + "DATA\r\nSubject: hi\r\n\r\n..leading dot\r\nbody\r\n.\r\nQUIT\r\n",
                "MAIL FROM:<> SMTPUTF8\r\nRCPT TO:<\"q u\"@example.org>\r\nBDAT 10\r\n0123456789BDAT 7 LAST\r\nabc\r\nde"
                        + "RSET\r\n",
                "AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nMAIL FROM:<x@[127.0.0.1]> RET=HDRS ENVID=abc+2B\r\nBDAT 0 LAST\r\nNOOP\r\n")
                .mutate(3000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), SmtpCodecFuzzTest::replay,
                SyntaxException.class, IOException.class);
    }

    private static void replay(byte[] transcript) throws IOException, SyntaxException {
        LineReader reader = new LineReader(new ByteArrayInputStream(transcript), () -> { });
        CommandLine line;
        while ((line = reader.readCommand(MAX_LINE)) != null) {
            assertTrue(line.problem() == null || line.text().isEmpty(), "no text with a problem");
            assertTrue(line.text().chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0), "no CR, LF or NUL");
            Request request = RequestParser.parse(line.text());
            switch (request.verb()) {
                case "MAIL" -> checkPath(RequestParser.parsePath(request.argument(), "FROM:", false));
                case "RCPT" -> assertFalse(checkPath(RequestParser.parsePath(request.argument(), "TO:", true))
                        .address().isNullSender(), "no null recipient");
                case "DATA" -> new DataReader(reader, MAX_SIZE, MAX_LINE).readAllBytes();
                case "BDAT" -> readChunks(reader, RequestParser.parseChunk(request.argument()));
                default -> RequestParser.isXtext(request.argument());
            }
        }
    }

    private static PathArgument checkPath(PathArgument path) {
        assertNotNull(path.address());
        path.parameters().keySet().forEach(k -> assertTrue(k.matches("[A-Z0-9][A-Z0-9-]*"), "keyword " + k));
        return path;
    }

    private static void readChunks(LineReader reader, ChunkReader.Chunk first) throws IOException {
        if (first == null) {
            return;
        }
        ChunkReader chunks = new ChunkReader(reader, MAX_SIZE, MAX_LINE, first, () -> {
            CommandLine next = reader.readCommand(MAX_LINE);
            if (next == null) {
                throw new java.io.EOFException("closed between chunks");
            }
            Request request = RequestParser.parse(next.text());
            return request.verb().equals("BDAT") ? RequestParser.parseChunk(request.argument()) : null;
        });
        chunks.readAllBytes();
    }

    /** A client transcript: commands, MAIL/RCPT paths and parameters, DATA and BDAT content. */
    @Timeout(10)
    @FuzzTest
    void transcript(byte[] data) throws IOException {
        try {
            replay(data);
        } catch (SyntaxException | IOException e) {
            // documented: a 501 reply, or the end of input, or content refused
        }
    }

    /**
     * DATA content as sent: unstuffed content that is accepted holds only CRLF line ends (no
     * smuggled end of data), stays within the size, and after the end-of-data line the next
     * command is read as one; refused content is drained to its true end.
     */
    @Timeout(10)
    @FuzzTest
    void dataContent(byte[] data) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(data), () -> { });
        DataReader content = new DataReader(reader, MAX_SIZE, MAX_LINE);
        byte[] body;
        try {
            body = content.readAllBytes();
        } catch (DataRejectedException e) {
            assertNotNull(e.reply());
            try {
                content.drain();
            } catch (IOException end) {
                return; // the client closed before the end of data
            }
            assertTrue(content.finished());
            return;
        } catch (IOException e) {
            assertTrue(content.clientFailed(), "an I/O error is the client's");
            return;
        }
        assertTrue(content.finished(), "data ends only at the end-of-data line");
        assertTrue(body.length <= MAX_SIZE, "size limit");
        for (int i = 0; i < body.length; i++) {
            assertTrue(body[i] != '\r' || i + 1 < body.length && body[i + 1] == '\n', "bare CR at " + i);
            assertTrue(body[i] != '\n' || i > 0 && body[i - 1] == '\r', "bare LF at " + i);
        }
        assertTrue(body.length == 0 || body[body.length - 1] == '\n', "content ends with CRLF");
        try {
            reader.readCommand(MAX_LINE);
        } catch (EOFException e) {
            // documented: the input ended inside the next command line
        }
    }

    /**
     * Any content made of CRLF lines (the input's lines, shortened to the limit) survives
     * dot-stuffing (RFC 5321 4.5.2) and the DATA reader byte for byte, and the command after
     * the end-of-data line is read as a command.
     */
    @Timeout(10)
    @FuzzTest
    void dotStuffingRoundTrip(byte[] data) throws IOException {
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String line : new String(data, StandardCharsets.ISO_8859_1).split("\n")) {
            String clean = line.replace("\r", "");
            byte[] bytes = clean.substring(0, Math.min(clean.length(), MAX_LINE - 2)).getBytes(StandardCharsets.ISO_8859_1);
            original.write(bytes);
            original.write('\r');
            original.write('\n');
            if (bytes.length > 0 && bytes[0] == '.') {
                wire.write('.');
            }
            wire.write(bytes);
            wire.write('\r');
            wire.write('\n');
        }
        if (original.size() > MAX_SIZE) {
            return; // refused for its size, rightly
        }
        wire.write(".\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        LineReader reader = new LineReader(new ByteArrayInputStream(wire.toByteArray()), () -> { });
        DataReader content = new DataReader(reader, MAX_SIZE, MAX_LINE);
        byte[] body = content.readAllBytes();
        assertNull(content.rejection());
        assertArrayEquals(original.toByteArray(), body);
        assertEquals("QUIT", reader.readCommand(MAX_LINE).text());
    }
}

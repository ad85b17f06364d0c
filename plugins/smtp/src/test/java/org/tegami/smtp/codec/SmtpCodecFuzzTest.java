package org.tegami.smtp.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/**
 * Mutation fuzzing of the SMTP codec: whole client transcripts (commands, DATA and BDAT content)
 * are mutated and replayed through the line reader, request parser, DATA and BDAT readers. Only
 * {@link SyntaxException} and {@link IOException} (end of input, rejected data) may escape.
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
            Request request = RequestParser.parse(line.text());
            switch (request.verb()) {
                case "MAIL" -> RequestParser.parsePath(request.argument(), "FROM:", false);
                case "RCPT" -> RequestParser.parsePath(request.argument(), "TO:", true);
                case "DATA" -> new DataReader(reader, MAX_SIZE, MAX_LINE).readAllBytes();
                case "BDAT" -> readChunks(reader, RequestParser.parseChunk(request.argument()));
                default -> RequestParser.isXtext(request.argument());
            }
        }
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
}

package org.tegami.pop3.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the POP3 codec: client transcripts go through the line reader and request parser;
 * only a malformed request, a too-long line or an I/O error may escape. The seeded mutation
 * test runs a fixed batch; the {@code @FuzzTest} replays its seeds in
 * {@code Pop3CodecFuzzTestInputs/transcript/} in a normal build and is fuzzed with coverage
 * guidance by {@code bench/fuzz.sh}.
 */
class Pop3CodecFuzzTest {

    @Test
    void mutatedTranscriptsFailOnlyWithProtocolErrors() {
        List<byte[]> inputs = Mutator.ofText(501,
                "CAPA\r\nUSER alice@example.org\r\nPASS secret word\r\nSTAT\r\nLIST 1\r\nRETR 1\r\nQUIT\r\n",
                "AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nUIDL\r\nTOP 2 10\r\nDELE 3\r\nRSET\r\nNOOP\r\n",
                "APOP alice c4c9334bac560ecc979e58001b3e22fb\r\nSTLS\r\nlist\r\n").mutate(4000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), transcript -> {
            LineReader reader = new LineReader(new ByteArrayInputStream(transcript), 255);
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (LineReader.LineTooLongException e) {
                    continue; // documented: the long line was skipped, the session goes on
                }
                if (line == null) {
                    return;
                }
                try {
                    RequestParser.parse(line).arguments().forEach(String::length);
                } catch (RequestParser.MalformedRequestException e) {
                    // documented: answered with -ERR, the session goes on
                }
            }
        }, IOException.class);
    }

    /**
     * A client transcript: each line within the limit parses to a 3-4 letter upper-case verb
     * and space-free arguments, and the logged form of PASS, AUTH and APOP hides the secret.
     */
    @Timeout(10)
    @FuzzTest
    void transcript(byte[] data) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(data), 255);
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (LineReader.LineTooLongException e) {
                continue;
            }
            if (line == null) {
                return;
            }
            assertTrue(line.indexOf('\n') < 0, "no LF in a line");
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 255 || line.contains("\uFFFD"), "line limit");
            Pop3Request request;
            try {
                request = RequestParser.parse(line);
            } catch (RequestParser.MalformedRequestException e) {
                continue;
            }
            assertTrue(request.verb().matches("[A-Z]{3,4}"), "verb " + request.verb());
            request.arguments().forEach(a -> assertTrue(!a.isEmpty() && a.indexOf(' ') < 0, "argument " + a));
            if (List.of("PASS", "AUTH", "APOP").contains(request.verb())) {
                assertEquals(request.verb() + " <redacted>", request.toString(), "secret in the log form");
            }
        }
    }
}

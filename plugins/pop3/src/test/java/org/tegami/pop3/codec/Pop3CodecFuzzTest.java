package org.tegami.pop3.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/**
 * Mutation fuzzing of the POP3 codec: mutated client transcripts go through the line reader and
 * request parser; only a malformed request, a too-long line or an I/O error may escape.
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
}

package org.tegami.smtp.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the filter that drops {@code Authentication-Results:} fields in our name from
 * incoming messages. For any input: read whole or a byte at a time, the output is the same; it
 * is the input with some of its header lines left out (nothing added, nothing changed, the body
 * untouched); and no header field of the output claims our authserv-id. The seeded mutation
 * test runs a fixed batch; the {@code @FuzzTest} replays its seeds in a normal build and is
 * fuzzed by {@code bench/fuzz.sh}.
 */
class ForgedResultsFilterFuzzTest {

    private static final String HOST = "mx.example.org";

    @Test
    void mutatedMessagesLoseOnlyOurFields() {
        List<byte[]> inputs = Mutator.ofText(8601,
                "From: a@b.example\r\nAuthentication-Results: mx.example.org; spf=pass\r\nSubject: x\r\n\r\nbody\r\n",
                "Authentication-Results:\r\n\t(c) \"mx.example.org\";\r\n dkim=pass\r\nX: y\r\n\r\n",
                "Received: from a\r\n\tby b\r\nAuthentication-Results: other.example; spf=fail\r\n\r\n"
                        + "Authentication-Results: mx.example.org; spf=pass\r\n",
                "A : 1\r\nauthentication-results : MX.EXAMPLE.ORG 1 ; none\r\nno colon here\r\n\r\n")
                .mutate(3000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), ForgedResultsFilterFuzzTest::check);
    }

    @FuzzTest
    void filter(byte[] data) throws IOException {
        check(data);
    }

    private static void check(byte[] data) {
        byte[] whole;
        byte[] single;
        try {
            whole = new ForgedResultsFilter(new ByteArrayInputStream(data), HOST).readAllBytes();
            single = byteByByte(new ForgedResultsFilter(new ByteArrayInputStream(data), HOST));
        } catch (IOException e) {
            throw new AssertionError("a filter over bytes in memory threw " + e, e);
        }
        assertArrayEquals(whole, single, "read whole and byte by byte differ");
        List<String> in = lines(data);
        List<String> out = lines(whole);
        // The output's lines are the input's in order, some left out: a subsequence.
        int i = 0;
        for (String line : out) {
            while (i < in.size() && !in.get(i).equals(line)) {
                i++;
            }
            assertTrue(i < in.size(), "an output line the input does not have in that order: " + line);
            i++;
        }
        int dropped = data.length - whole.length;
        assertTrue(dropped >= 0);
        for (byte[] field : headerFields(whole)) {
            assertTrue(ResultsField.authservId(field, field.length).filter(HOST::equals).isEmpty(),
                    "a field in our name is left: " + new String(field, StandardCharsets.ISO_8859_1));
        }
        if (dropped == 0) {
            assertArrayEquals(data, whole);
        } else {
            assertEquals(new String(data, StandardCharsets.ISO_8859_1).endsWith(body(data)), true);
            assertTrue(new String(whole, StandardCharsets.ISO_8859_1).endsWith(body(data)), "the body changed");
        }
    }

    /** The text after the first empty line, or empty. */
    private static String body(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? "" : text.substring(end + 4);
    }

    /** Header fields up to the first empty line, each with its folded lines, as received. */
    private static List<byte[]> headerFields(byte[] message) {
        List<byte[]> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        for (String line : lines(message)) {
            if (line.equals("\r\n") || line.equals("\n")) {
                break;
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && field.size() > 0) {
                field.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
                continue;
            }
            if (field.size() > 0) {
                fields.add(field.toByteArray());
                field.reset();
            }
            field.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (field.size() > 0) {
            fields.add(field.toByteArray());
        }
        return fields;
    }

    /** The lines of some bytes, each with its LF (the last one may have none). */
    private static List<String> lines(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static byte[] byteByByte(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            out.write(c);
        }
        return Arrays.copyOf(out.toByteArray(), out.size());
    }
}

package org.tegami.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.imap.encode.BodyStructureEncoder;
import org.tegami.imap.encode.EnvelopeEncoder;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the MIME structure and header parsers (and the address and encoded-word decoders
 * fed from the parsed headers): any bytes give a structure, never an exception. The
 * {@code @FuzzTest} also encodes BODYSTRUCTURE and ENVELOPE from what was parsed; it replays
 * its seeds in {@code MimeParserFuzzTestInputs/bodyStructureAndEnvelope/} in a normal build
 * and is fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class MimeParserFuzzTest {

    @Test
    void mutatedMessagesAlwaysParse() {
        List<byte[]> inputs = Mutator.ofText(701,
                "From: \"Alice A.\" <alice@example.org>, bob@example.net\r\nTo: group: c@d.e, f@g.h;\r\n"
                        + "Subject: =?UTF-8?B?w5xiZXI=?= =?ISO-8859-1?Q?caf=E9?=\r\n\tfolded\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\npreamble\r\n"
                        + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                        + "caf=C3=A9 =\r\nsoft\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n"
                        + "Content-Type: multipart/alternative; boundary=b2\r\n\r\n--b2\r\n\r\nx\r\n--b2--\r\n--b1--\r\nepilogue\r\n",
                "Subject: plain\nFrom: <a@b>\n\nbody only\n",
                "Content-Type: text/html; name*0=\"a\"; name*1=\"b\"\r\nReply-To: (comment) x@y\r\n\r\n<p>hi</p>\r\n")
                .mutate(3000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), message -> {
            walk(MimeParser.parse(new ByteArrayInputStream(message)));
            MimeHeader header = MimeParser.parseHeader(new ByteArrayInputStream(message));
            for (MimeHeader.Field field : header.fields()) {
                AddressParser.parse(field.value());
                EncodedWords.decode(field.value());
            }
        }, IOException.class);
    }

    private static void walk(MimePart part) {
        assertNotNull(part.header());
        part.type();
        part.subtype();
        part.transferEncoding();
        for (MimePart child : part.children()) {
            walk(child);
        }
    }

    /**
     * Any message parses to parts whose offsets nest inside the message and their parent, and
     * its BODYSTRUCTURE, BODY and ENVELOPE are well-formed IMAP: balanced parentheses, closed
     * quoted strings, exact literal lengths and no CR or LF outside a literal (header text must
     * never break out into the response stream).
     */
    @Timeout(10)
    @FuzzTest
    void bodyStructureAndEnvelope(byte[] message) throws IOException {
        MimePart root = MimeParser.parse(new ByteArrayInputStream(message));
        checkOffsets(root, 0, message.length);
        for (boolean utf8 : new boolean[] {false, true}) {
            checkImapSyntax(BodyStructureEncoder.encode(root, true, utf8));
            checkImapSyntax(BodyStructureEncoder.encode(root, false, utf8));
            checkImapSyntax(EnvelopeEncoder.encode(MimeParser.parseHeader(new ByteArrayInputStream(message)), utf8));
        }
    }

    private static void checkOffsets(MimePart part, long from, long to) {
        assertTrue(from <= part.start() && part.start() <= part.bodyStart() && part.bodyStart() <= part.end()
                && part.end() <= to, "offsets " + part.start() + "/" + part.bodyStart() + "/" + part.end()
                + " outside " + from + ".." + to);
        assertTrue(part.bodySize() >= 0 && part.bodyLines() >= 0, "sizes");
        for (MimePart child : part.children()) {
            checkOffsets(child, part.bodyStart(), part.end());
        }
    }

    /** Walks IMAP response syntax (RFC 3501 4, 9): atoms, quoted strings, literals, lists. */
    private static void checkImapSyntax(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int depth = 0;
        int i = 0;
        while (i < b.length) {
            byte c = b[i];
            if (c == '\r' || c == '\n') {
                throw new AssertionError("CR or LF outside a literal at " + i + " in " + text);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                assertTrue(--depth >= 0, "unbalanced ) at " + i + " in " + text);
            } else if (c == '"') {
                i++;
                while (i < b.length && b[i] != '"') {
                    assertTrue(b[i] != '\r' && b[i] != '\n', "CR or LF in a quoted string: " + text);
                    i += b[i] == '\\' ? 2 : 1;
                }
                assertTrue(i < b.length, "unterminated quoted string: " + text);
            } else if (c == '{') {
                int close = i + 1;
                while (close < b.length && b[close] >= '0' && b[close] <= '9') {
                    close++;
                }
                assertTrue(close > i + 1 && close + 2 < b.length && b[close] == '}' && b[close + 1] == '\r'
                        && b[close + 2] == '\n', "bad literal at " + i + " in " + text);
                long length = Long.parseLong(new String(b, i + 1, close - i - 1, StandardCharsets.US_ASCII));
                i = close + 3 + (int) length;
                assertTrue(i <= b.length, "literal runs past the end: " + text);
                continue;
            }
            i++;
        }
        assertEquals(0, depth, "unbalanced ( in " + text);
    }
}

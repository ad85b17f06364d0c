package org.tegami.imap.mime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/**
 * Mutation fuzzing of the MIME structure and header parsers (and the address and encoded-word
 * decoders fed from the parsed headers): any bytes give a structure, never an exception.
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
}

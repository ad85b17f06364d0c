package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DkimSignerTest {

    private static final String MESSAGE = "Received: from a by b; Sat, 28 Nov 2026 03:00:00 +0000\r\n"
            + "From: Alice <alice@example.org>\r\n"
            + "To: Bob <bob@example.net>,\r\n  Carol <carol@example.net>\r\n"
            + "Subject: a subject that is long enough to be folded by its writer, as they\r\n are\r\n"
            + "Date: Sat, 28 Nov 2026 03:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "\r\n"
            + "Body  line \r\n\r\n";

    private static byte[] signed(KeyPair pair, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        MessageScan scan = MessageScan.read(new ByteArrayInputStream(bytes)).orElseThrow();
        DkimKey key = new DkimKey("example.org", "sel", pair.getPrivate());
        List<String> names = DkimSigner.fieldsToSign(scan.fields());
        String field = DkimSigner.sign(key, DkimSigner.tags(key, 1_800_000_000L, names, scan.bodyHash()), names,
                scan.fields());
        return (field + message).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void listsPresentFieldsAndFromOnceMore() {
        List<String> names = DkimSigner.fieldsToSign(HeaderSplitter.split(MESSAGE.substring(0, MESSAGE.indexOf("\r\n\r\n") + 2)));

        assertEquals(List.of("From", "From", "To", "Subject", "Date", "MIME-Version"), names);
    }

    @Test
    void rsaSignatureVerifies() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        Map<String, String> tags = TestVerifier.verify(signed(pair, MESSAGE), pair.getPublic());

        assertEquals("rsa-sha256", tags.get("a"));
        assertEquals("example.org", tags.get("d"));
        assertEquals("sel", tags.get("s"));
        assertEquals("1800000000", tags.get("t"));
        assertEquals("From:From:To:Subject:Date:MIME-Version", tags.get("h"));
    }

    @Test
    void ed25519SignatureVerifies() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertEquals("ed25519-sha256", TestVerifier.verify(signed(pair, MESSAGE), pair.getPublic()).get("a"));
    }

    @Test
    void aSecondFromAddedLaterBreaksTheSignature() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String signed = new String(signed(pair, MESSAGE), StandardCharsets.ISO_8859_1);
        String forged = signed.replace("\r\n\r\nBody", "\r\nFrom: Mallory <m@example.org>\r\n\r\nBody");

        assertThrows(AssertionError.class,
                () -> TestVerifier.verify(forged.getBytes(StandardCharsets.ISO_8859_1), pair.getPublic()));
    }

    @Test
    void rewrappedHeadersStillVerify() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String signed = new String(signed(pair, MESSAGE), StandardCharsets.ISO_8859_1);
        // Relaxed: refolding and case of names do not matter on the way.
        String rewrapped = signed.replace("Subject: a subject", "SUBJECT:   a\r\n\tsubject").replace("Body  line ", "Body line");

        TestVerifier.verify(rewrapped.getBytes(StandardCharsets.ISO_8859_1), pair.getPublic());
    }

    @Test
    void everyLineIsUnder78() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String signed = new String(signed(pair, MESSAGE), StandardCharsets.ISO_8859_1);
        String field = signed.substring(0, signed.indexOf("\r\nReceived:"));

        for (String line : field.split("\r\n")) {
            assertTrue(line.length() <= FoldedHeader.WIDTH, line);
        }
        assertTrue(field.lines().count() > 3);
    }
}

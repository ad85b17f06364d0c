package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Recipient;

class OutboundSignerTest {

    @TempDir
    Path keys;

    private static OutboundMessage message(String content) {
        return message(content, null);
    }

    private static OutboundMessage message(String content, Envelope.Origin origin) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        MailAddress rcpt = MailAddress.parse("bob@example.net");
        return new OutboundMessage("Q1", new Envelope(MailAddress.parse("alice@example.org"), List.of(Recipient.of(rcpt)),
                Map.of(), origin), List.of(rcpt), null, false, () -> new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void onlyMailWrittenHereIsSignedNotMailPassedOn() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(keys.resolve("example.org.s.key"), DkimKeyFolderTest.pem(pair.getPrivate().getEncoded()));
        OutboundSigner signer = new OutboundSigner(keys, Clock.systemUTC());
        signer.load();
        String content = "From: alice@example.org\r\nSubject: s\r\n\r\nHi.\r\n";

        OutboundMessage submitted = signer.sign(message(content,
                new Envelope.Origin("ESMTPSA", "laptop", "192.0.2.7", "alice@example.org")));
        // An alias forwards mail from the internet that claims one of our domains: not vouched for.
        OutboundMessage forwarded = signer.sign(message(content,
                new Envelope.Origin("ESMTPS", "mx.example.com", "198.51.100.9", null)));

        try (InputStream in = submitted.content().open()) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.US_ASCII).startsWith("DKIM-Signature: "));
        }
        try (InputStream in = forwarded.content().open()) {
            assertEquals(content, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void signedMessageIsTheFieldThenTheOriginalWithItsSize() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(keys.resolve("example.org.s.key"), DkimKeyFolderTest.pem(pair.getPrivate().getEncoded()));
        OutboundSigner signer = new OutboundSigner(keys, Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
        signer.load();
        String content = "From: alice@example.org\r\nSubject: s\r\n\r\nHi.\r\n";

        OutboundMessage signed = signer.sign(message(content));

        byte[] bytes;
        try (InputStream in = signed.content().open()) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("DKIM-Signature: ") && text.endsWith("\r\n" + content), text);
        assertEquals(bytes.length, signed.size());
        assertEquals("1700000000", TestVerifier.verify(bytes, pair.getPublic()).get("t"));
    }

    @Test
    void reloadKeepsTheOldKeysWhenAFileIsBad() throws Exception {
        Files.writeString(keys.resolve("example.org.s.key"),
                DkimKeyFolderTest.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
        OutboundSigner signer = new OutboundSigner(keys, Clock.systemUTC());
        signer.load();
        Files.writeString(keys.resolve("other.test.s.key"), "garbage");

        signer.reload();

        assertEquals(Set.of("example.org"), signer.domains());
        OutboundMessage unsigned = message("From: a@other.test\r\n\r\nx\r\n");
        assertSame(unsigned, signer.sign(unsigned));
    }
}

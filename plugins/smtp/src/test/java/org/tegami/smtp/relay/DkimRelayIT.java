package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tegami.api.DeliveryResult.Status.DELIVERED;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.smtp.dkim.TestVerifier;

/** Relayed mail over a real socket: signed when its From domain has a key, untouched otherwise. */
class DkimRelayIT {

    @TempDir
    Path keys;

    private RelayTestBed bed;
    private ScriptedSmtpServer mx;

    @BeforeEach
    void setUp() throws Exception {
        bed = new RelayTestBed();
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
        mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test"));
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private KeyPair key(String domain, String selector, String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(keys.resolve(domain + "." + selector + ".key"), pem);
        return pair;
    }

    private static byte[] content(String from) {
        // A dot at a line start too, so the signature is checked on the un-stuffed bytes.
        return ("From: " + from + "\r\nTo: bob@example.test\r\nSubject: hello\r\nMessage-ID: <1@origin.test>\r\n\r\n"
                + "Hello Bob.\r\n.hidden dot\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] relay(SmtpTransport transport, byte[] content) throws Exception {
        int before = mx.messages().size();
        assertEquals(DELIVERED, transport.deliver(
                RelayTestBed.message(content, null, false, Map.of(), "bob@example.test")).get(0).status());
        return mx.messages().get(before).content();
    }

    @Test
    void messageArrivesSignedAboveItsOriginalBytes() throws Exception {
        KeyPair pair = key("origin.test", "s1", "RSA");
        SmtpTransport transport = bed.transport(bed.config(), keys);
        byte[] original = content("Alice <alice@Origin.Test>");

        byte[] received = relay(transport, original);

        String text = new String(received, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=origin.test; s=s1;"), text);
        int fieldEnd = text.indexOf("\r\nFrom: ") + 2;
        assertArrayEquals(original, Arrays.copyOfRange(received, fieldEnd, received.length));
        Map<String, String> tags = TestVerifier.verify(received, pair.getPublic());
        assertEquals("From:From:To:Subject:Message-ID", tags.get("h"));
        assertTrue(Math.abs(Long.parseLong(tags.get("t")) - System.currentTimeMillis() / 1000) < 60);
    }

    @Test
    void ed25519KeySignsWithEd25519() throws Exception {
        KeyPair pair = key("origin.test", "ed", "Ed25519");

        byte[] received = relay(bed.transport(bed.config(), keys), content("alice@origin.test"));

        assertEquals("ed25519-sha256", TestVerifier.verify(received, pair.getPublic()).get("a"));
    }

    @Test
    void messageOfADomainWithoutKeyArrivesUnchanged() throws Exception {
        key("origin.test", "s1", "Ed25519");
        byte[] original = content("someone@elsewhere.test");

        assertArrayEquals(original, relay(bed.transport(bed.config(), keys), original));
    }

    @Test
    void keyAddedLaterCountsAfterRefresh() throws Exception {
        SmtpTransport transport = bed.transport(bed.config(), keys);
        byte[] original = content("alice@origin.test");
        assertArrayEquals(original, relay(transport, original));

        KeyPair pair = key("origin.test", "new", "Ed25519");
        transport.refresh();

        TestVerifier.verify(relay(transport, original), pair.getPublic());
    }

    @Test
    void alreadySignedMessageGetsAnotherSignatureOnTop() throws Exception {
        KeyPair pair = key("origin.test", "s1", "Ed25519");
        SmtpTransport transport = bed.transport(bed.config(), keys);
        byte[] once = relay(transport, content("alice@origin.test"));

        byte[] twice = relay(transport, once);

        String text = new String(twice, StandardCharsets.US_ASCII);
        assertEquals(2, text.split("DKIM-Signature:", -1).length - 1);
        TestVerifier.verify(twice, pair.getPublic());
    }
}

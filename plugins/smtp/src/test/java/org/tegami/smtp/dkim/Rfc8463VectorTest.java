package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example of RFC 8463 Appendix A: its keys (A.1) and message signed at t=1528637909 must
 * give its signatures (A.3) byte for byte; Ed25519 and RSA PKCS#1 v1.5 are deterministic.
 */
class Rfc8463VectorTest {

    /** RFC 6376 Appendix A.1 and RFC 8463 Appendix A.3, the message without its signatures. */
    static final String MESSAGE = "From: Joe SixPack <joe@football.example.com>\r\n"
            + "To: Suzie Q <suzie@shopping.example.net>\r\n"
            + "Subject: Is dinner ready?\r\n"
            + "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
            + "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
            + "\r\n"
            + "Hi.\r\n"
            + "\r\n"
            + "We lost the game.  Are you hungry yet?\r\n"
            + "\r\n"
            + "Joe.\r\n";

    /** A.1: the Ed25519 secret key, wrapped in PKCS#8 (RFC 8410 7). */
    private static final String ED25519_SEED = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

    /** A.1: the RSA key, turned from PKCS#1 into PKCS#8 (openssl pkcs8 -topk8 -nocrypt). */
    static final String RSA_PKCS8 = "-----BEGIN PRIVATE KEY-----\n"
            + "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAOQeU5CgFPNZGIaz\n"
            + "lXo2k/eJ1jpaTTxrmqF1HrDLlt04pvaMtCJj8nXoliLRC/H9vJjMI1vdb3XLcW60\n"
            + "AIN/PBD8EL97/y4GwJH7LPUvGP48vqUe+owqszesbiGy1PlCO8c70/OjFnJVgvMF\n"
            + "87YR4Lcincb7aSvI5MgpP6X8rjDdAgMBAAECgYAfRzE6EVkODNdaEOGcAkPDmziu\n"
            + "g5c3g6GOJdrxbtjeuFfcUmqYlI+4Lw329CbpJVtosAThIbmYsy54eWHgpd98Sm4s\n"
            + "SI2n1Kzc7hh8uJCltGoTtOblLEqO+9Chll7MeiuKY5oKFEvaK3juK5bHPFKJEy/h\n"
            + "z6PvQaJZ3FefF7hSgQJBAPMkH/RTnxbtFnLp6cZWPaRYXvfYKhYVlbOLUWJy52sE\n"
            + "WjLrdDByjCmgJrMq29kYw2U9acLvH/qjwZy5J7SBrbECQQDwLs+Kk+bX/V9NFC+P\n"
            + "Wj90OZmnbjfTjhk3LGOD78483ShYJtcgbHJa+ZlteuI5ahIAslOMTESCtocSCdey\n"
            + "y6TtAkEAuXkgKxgy7qEzE7veCd81rI2A/F1YVXpntQucrJXsdJVgXSGBg4eN5h72\n"
            + "Boy2IliijTMY34vcAC00/2G6qRaXMQJATVqWJwh5WWjV76onoyCqvRDsBrt9qVnj\n"
            + "jxxxtIVgQ8PqgXGI6X1j2x72Jgdkop8hyy2jsNTDX+HPYKTg3kmuBQJBALIq942+\n"
            + "POSR3weNizRLAzR8+MrXr//moNnZSIMac564TPEEMCvnXxnxUVtHjWKfdbhjfIIO\n"
            + "BCUuVwROtL7Nhws=\n"
            + "-----END PRIVATE KEY-----\n";

    private static final String BODY_HASH = "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=";
    private static final List<String> NAMES = List.of("from", "to", "subject", "date", "message-id", "from", "subject",
            "date");

    static PrivateKey ed25519Key() throws Exception {
        byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] seed = Base64.getDecoder().decode(ED25519_SEED);
        byte[] der = new byte[prefix.length + seed.length];
        System.arraycopy(prefix, 0, der, 0, prefix.length);
        System.arraycopy(seed, 0, der, prefix.length, seed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String sign(DkimKey key) throws Exception {
        MessageScan scan = MessageScan.read(new java.io.ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow();
        assertEquals(BODY_HASH, Base64.getEncoder().encodeToString(scan.bodyHash()));
        // The example's own tags, in its order: i= and q= too, and h= with spaces around the colons.
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("v", "1");
        tags.put("a", key.algorithm());
        tags.put("c", "relaxed/relaxed");
        tags.put("d", "football.example.com");
        tags.put("i", "@football.example.com");
        tags.put("q", "dns/txt");
        tags.put("s", key.selector());
        tags.put("t", "1528637909");
        tags.put("h", String.join(" : ", NAMES));
        tags.put("bh", BODY_HASH);
        return DkimSigner.sign(key, tags, NAMES, scan.fields());
    }

    @Test
    void ed25519SignatureIsTheRfcOne() throws Exception {
        String field = sign(new DkimKey("football.example.com", "brisbane", ed25519Key()));

        assertEquals("/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11BusFa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==",
                TestVerifier.tags(field.substring(field.indexOf(':') + 1)).get("b"));
    }

    @Test
    void rsaSignatureIsTheRfcOne() throws Exception {
        String field = sign(new DkimKey("football.example.com", "test", PemKeys.parse(RSA_PKCS8)));

        assertEquals("F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQ"
                + "TnGdaSGsgeefOsk2JzdA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=",
                TestVerifier.tags(field.substring(field.indexOf(':') + 1)).get("b"));
    }

    @Test
    void signatureFieldIsFoldedUnder78() throws Exception {
        String field = sign(new DkimKey("football.example.com", "test", PemKeys.parse(RSA_PKCS8)));

        assertTrue(field.endsWith("\r\n"));
        for (String line : field.substring(0, field.length() - 2).split("\r\n")) {
            assertTrue(line.length() <= FoldedHeader.WIDTH, line);
        }
    }
}

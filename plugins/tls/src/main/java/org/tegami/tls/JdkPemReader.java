package org.tegami.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the PEM files servers usually have with the JDK alone, so that starting with an
 * existing certificate does not load BouncyCastle (some 150 classes and a tenth of a second):
 * {@code CERTIFICATE} blocks (RFC 7468 5), PKCS#8 {@code PRIVATE KEY} (RFC 5208) for RSA, EC
 * and EdDSA, PKCS#1 {@code RSA PRIVATE KEY} (RFC 8017 A.1.2) and SEC 1 {@code EC PRIVATE KEY}
 * with its named curve (RFC 5915 3). The last two are wrapped into PKCS#8 as BouncyCastle does.
 * Text outside the blocks is skipped. For anything else (headers such as an encrypted key's
 * {@code Proc-Type}, other block types, a block that does not decode) it answers empty, and the
 * caller reads the file with BouncyCastle, so such files get the same result and message as ever.
 */
final class JdkPemReader {

    /** PKCS#8 algorithm identifiers we hand to the JDK, by dotted OID. */
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.10045.2.1", "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");
    private static final byte[] RSA_ALGORITHM = Der.sequence(Der.hex("06092a864886f70d010101"), Der.hex("0500"));
    private static final byte[] EC_PUBLIC_KEY_OID = Der.hex("06072a8648ce3d0201");
    private static final byte[] VERSION_0 = Der.hex("020100");

    /** The certificates (in file order) and private keys of one file. */
    record Content(List<X509Certificate> chain, List<PrivateKey> keys) {
    }

    private JdkPemReader() {
    }

    /** The file's certificates and keys, or empty when this reader is not sure to read it right. */
    static Optional<Content> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b < 0) {
                    return Optional.empty();
                }
            }
            return read(new String(bytes, StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Content> read(String text) throws GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!lines[i].startsWith("-----BEGIN")) {
                continue;
            }
            if (!line.startsWith("-----BEGIN ") || !line.endsWith("-----") || line.length() <= 16) {
                return Optional.empty();
            }
            String label = line.substring(11, line.length() - 5);
            String end = "-----END " + label + "-----";
            StringBuilder base64 = new StringBuilder();
            for (i++; i < lines.length && !lines[i].strip().equals(end); i++) {
                String body = lines[i].strip();
                if (!body.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '='))) {
                    return Optional.empty();
                }
                base64.append(body);
            }
            if (i == lines.length) {
                return Optional.empty();
            }
            byte[] der = Base64.getDecoder().decode(base64.toString());
            switch (label) {
                case "CERTIFICATE", "X509 CERTIFICATE" -> {
                    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der));
                    if (cert.getEncoded().length != der.length) {
                        return Optional.empty();
                    }
                    chain.add(cert);
                }
                case "PRIVATE KEY" -> keys.add(pkcs8(der));
                case "RSA PRIVATE KEY" -> keys.add(pkcs8(Der.sequence(VERSION_0, RSA_ALGORITHM, Der.octetString(der))));
                case "EC PRIVATE KEY" -> {
                    // ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }
                    Optional<byte[]> curve = Der.elements(der).stream().filter(e -> (e[0] & 0xff) == 0xa0)
                            .findFirst().map(Der::content);
                    if (curve.isEmpty()) {
                        return Optional.empty();
                    }
                    keys.add(pkcs8(Der.sequence(VERSION_0, Der.sequence(EC_PUBLIC_KEY_OID, curve.get()),
                            Der.octetString(der))));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Content(chain, keys));
    }

    /** A PKCS#8 PrivateKeyInfo: SEQUENCE { version, AlgorithmIdentifier, privateKey, ... }. */
    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        List<byte[]> info = Der.elements(der);
        String algorithm = KEY_ALGORITHMS.get(Der.oid(Der.elements(info.get(1)).get(0)));
        if (algorithm == null) {
            throw new GeneralSecurityException("key algorithm left to BouncyCastle");
        }
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}

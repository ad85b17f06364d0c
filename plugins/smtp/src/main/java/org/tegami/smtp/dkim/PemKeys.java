package org.tegami.smtp.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads a PEM PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, RFC 7468 10), RSA or Ed25519. */
public final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /**
     * @throws IllegalArgumentException with a reason fit for a configuration message
     */
    public static PrivateKey parse(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM PKCS#8 private key (expected " + BEGIN + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 in the PEM block");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(spec);
                // RFC 8301 3.2: signers must use RSA keys of at least 1024 bits.
                if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 1024) {
                    throw new IllegalArgumentException("RSA key of " + rsa.getModulus().bitLength()
                            + " bits; DKIM needs at least 1024 (RFC 8301), 2048 is usual");
                }
                return key;
            } catch (GeneralSecurityException e) {
                // Not this algorithm; try the next one.
            }
        }
        throw new IllegalArgumentException("not an RSA or Ed25519 PKCS#8 private key");
    }
}

package org.tegami.smtp.dkim;

import java.security.PrivateKey;
import java.util.Locale;

/**
 * One signing key of a domain.
 *
 * @param domain the signing domain ({@code d=}), lower case
 * @param selector the selector ({@code s=}): the key's DNS name is
 *     {@code <selector>._domainkey.<domain>}
 * @param privateKey an RSA or Ed25519 private key
 */
public record DkimKey(String domain, String selector, PrivateKey privateKey) {

    public DkimKey {
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** Whether the key is Ed25519 (RFC 8463) rather than RSA. */
    public boolean isEd25519() {
        String algorithm = privateKey.getAlgorithm();
        return algorithm.equalsIgnoreCase("Ed25519") || algorithm.equalsIgnoreCase("EdDSA");
    }

    /** The {@code a=} value. */
    public String algorithm() {
        return isEd25519() ? "ed25519-sha256" : "rsa-sha256";
    }
}

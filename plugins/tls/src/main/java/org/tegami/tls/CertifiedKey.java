package org.tegami.tls;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * A private key with its certificate chain (leaf first), and the host names the leaf is valid
 * for, used to pick it by SNI.
 *
 * @param key the private key of the leaf
 * @param chain the chain, leaf first
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {

    public CertifiedKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** {@code RSA} or {@code EC}: the JSSE key type this entry can serve. */
    public String keyType() {
        return key.getAlgorithm();
    }

    /** DNS names of the leaf: its subject alternative names, else its common name; lower-case. */
    public List<String> dnsNames() {
        List<String> names = new ArrayList<>();
        try {
            var sans = leaf().getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(san.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall through to the common name
        }
        if (names.isEmpty()) {
            String dn = leaf().getSubjectX500Principal().getName(X500Principal.RFC2253);
            for (String part : dn.split(",")) {
                if (part.startsWith("CN=")) {
                    names.add(part.substring(3).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** Whether the leaf covers {@code host}, with RFC 6125 6.4.3 wildcards in the left-most label only. */
    public boolean serves(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String name : dnsNames()) {
            if (name.equals(h)) {
                return true;
            }
            if (name.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot).equals(name.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}

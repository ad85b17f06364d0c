package org.tegami.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the server certificate by the name the client asked for in its SNI extension
 * (RFC 6066 3): the first entry whose names cover it, else the default (first) entry. The
 * handshake asks once per key type it could use; an entry answers only for its own key type, so
 * an RSA and an EC certificate for the same name can sit side by side. Immutable, thread-safe.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private final List<CertifiedKey> entries;

    /** @param entries at least one; the first is the default for clients without SNI */
    SniKeyManager(List<CertifiedKey> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
        this.entries = List.copyOf(entries);
    }

    /**
     * The alias for a client that asked for {@code serverName} (or {@code null}) with this key
     * type: among the entries covering the name, or all entries when none does, the first with
     * that key type.
     */
    String choose(String keyType, String serverName) {
        String wanted = baseKeyType(keyType);
        boolean named = serverName != null && entries.stream().anyMatch(e -> e.serves(serverName));
        for (int i = 0; i < entries.size(); i++) {
            CertifiedKey entry = entries.get(i);
            if (entry.keyType().equals(wanted) && (!named || entry.serves(serverName))) {
                return Integer.toString(i);
            }
        }
        return null;
    }

    /** JSSE passes {@code RSA}, {@code EC}, or for TLS 1.2 static suites {@code EC_RSA}: the key's own type comes first. */
    private static String baseKeyType(String keyType) {
        int underscore = keyType.indexOf('_');
        return underscore > 0 ? keyType.substring(0, underscore) : keyType;
    }

    private static String requestedName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession handshake = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return choose(keyType, requestedName(handshake));
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : requestedName(engine.getHandshakeSession()));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).keyType().equals(baseKeyType(keyType))) {
                aliases.add(Integer.toString(i));
            }
        }
        return aliases.isEmpty() ? null : aliases.toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey entry = entry(alias);
        return entry == null ? null : entry.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey entry = entry(alias);
        return entry == null ? null : entry.key();
    }

    private CertifiedKey entry(String alias) {
        try {
            int i = Integer.parseInt(alias);
            return i >= 0 && i < entries.size() ? entries.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // A server never authenticates itself as a client.
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}

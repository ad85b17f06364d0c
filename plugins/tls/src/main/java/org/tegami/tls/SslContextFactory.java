package org.tegami.tls;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Builds the server {@link SSLContext}: SNI key selection over the given certificates, TLS 1.3
 * and 1.2 only, and only forward-secret AEAD cipher suites (RFC 9325 4.2: ECDHE with AES-GCM or
 * ChaCha20-Poly1305), server's order preferred. The returned context applies these settings to
 * every socket, server socket and engine it creates, whoever creates them.
 */
public final class SslContextFactory {

    /** The protocols we speak (RFC 8996 retired TLS 1.0 and 1.1). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final Pattern STRONG_SUITE = Pattern.compile(
            "TLS_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256"
            + "|ECDHE_(ECDSA|RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256))");

    private SslContextFactory() {
    }

    /**
     * @param certificates at least one; the first is served to clients that send no SNI or an
     *     unknown name
     */
    public static SSLContext create(List<CertifiedKey> certificates) throws GeneralSecurityException {
        SSLContext base = SSLContext.getInstance("TLS");
        base.init(new KeyManager[] {new SniKeyManager(certificates)}, null, null);
        SSLParameters parameters = base.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        parameters.setCipherSuites(strongSuites(base.getSupportedSSLParameters().getCipherSuites()));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNeedClientAuth(false);
        return new HardenedSslContext(base, parameters);
    }

    /** The suites of {@code supported} that we allow, in the provider's order of preference. */
    static String[] strongSuites(String[] supported) {
        return Arrays.stream(supported).filter(s -> STRONG_SUITE.matcher(s).matches()).toArray(String[]::new);
    }
}

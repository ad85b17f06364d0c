package org.tegami.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The two client TLS contexts of the relay. Opportunistic STARTTLS (RFC 3207, RFC 7435)
 * accepts any certificate, as MTAs do: an unverified encryption still beats plain text, and
 * refusing would only push the mail to plain text. Verified TLS (a route with require-TLS, or a
 * smarthost that gets a password) checks the chain against the JDK's trust store or a
 * configured one, and the host name against the certificate. Thread-safe.
 */
public final class ClientTls {

    /** The configured CA certificates, or {@code null} for the JDK's default trust store. */
    private final KeyStore trusted;
    /** Made at first use: the JDK's trust store takes some 0.1 s and a few MB to load. */
    private SSLContext opportunistic;
    private SSLContext verified;

    private ClientTls(KeyStore trusted) {
        this.trusted = trusted;
    }

    /**
     * @param trustStore CA certificates (PEM, or PKCS12 for {@code .p12}/{@code .pfx}), or
     *     {@code null} for the JDK's default trust store; a configured file is read here, so that
     *     a bad one is found at start
     */
    public static ClientTls create(Path trustStore) throws GeneralSecurityException, IOException {
        return new ClientTls(trustStore == null ? null : load(trustStore));
    }

    /**
     * The context for this kind of session.
     *
     * @throws SSLException if the JDK cannot make one (no TLS provider)
     */
    public synchronized SSLContext context(boolean verify) throws SSLException {
        try {
            if (verify) {
                if (verified == null) {
                    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    tmf.init(trusted);
                    verified = SSLContext.getInstance("TLS");
                    verified.init(null, tmf.getTrustManagers(), null);
                }
                return verified;
            }
            if (opportunistic == null) {
                opportunistic = SSLContext.getInstance("TLS");
                opportunistic.init(null, new TrustManager[] {new TrustAll()}, null);
            }
            return opportunistic;
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot make a client TLS context: " + e.getMessage(), e);
        }
    }

    static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, new char[0]);
                return store;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return store;
        }
    }

    /** Accepts every server certificate: opportunistic TLS only. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // never used on the client side
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // opportunistic TLS: any certificate will do (RFC 7435 4)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

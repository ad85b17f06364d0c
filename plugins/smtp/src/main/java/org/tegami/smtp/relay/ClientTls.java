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
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The two client TLS contexts of the relay. Opportunistic STARTTLS (RFC 3207, RFC 7435)
 * accepts any certificate, as MTAs do: an unverified encryption still beats plain text, and
 * refusing would only push the mail to plain text. Verified TLS (a route with require-TLS, or a
 * smarthost that gets a password) checks the chain against the JDK's trust store or a
 * configured one, and the host name against the certificate. Thread-safe once built.
 */
public final class ClientTls {

    private final SSLContext opportunistic;
    private final SSLContext verified;

    private ClientTls(SSLContext opportunistic, SSLContext verified) {
        this.opportunistic = opportunistic;
        this.verified = verified;
    }

    /**
     * @param trustStore CA certificates (PEM, or PKCS12 for {@code .p12}/{@code .pfx}), or
     *     {@code null} for the JDK's default trust store
     */
    public static ClientTls create(Path trustStore) throws GeneralSecurityException, IOException {
        SSLContext any = SSLContext.getInstance("TLS");
        any.init(null, new TrustManager[] {new TrustAll()}, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore == null ? null : load(trustStore));
        SSLContext checked = SSLContext.getInstance("TLS");
        checked.init(null, tmf.getTrustManagers(), null);
        return new ClientTls(any, checked);
    }

    /** The context for this kind of session. */
    public SSLContext context(boolean verify) {
        return verify ? verified : opportunistic;
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

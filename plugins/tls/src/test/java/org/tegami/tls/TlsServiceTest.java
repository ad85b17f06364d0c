package org.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.testing.TestSettings;

class TlsServiceTest {

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Handshakes with a server socket of {@code context}; returns the server's leaf certificate. */
    private X509Certificate handshake(SSLContext context, String sni, String protocol) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0)) {
            Future<?> accepted = pool.submit(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                }
                return null;
            });
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, new TrustManager[] {new TrustAll()}, null);
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                SSLParameters p = s.getSSLParameters();
                if (sni != null) {
                    p.setServerNames(List.of(new SNIHostName(sni)));
                }
                p.setProtocols(new String[] {protocol});
                s.setSSLParameters(p);
                s.startHandshake();
                X509Certificate leaf = (X509Certificate) s.getSession().getPeerCertificates()[0];
                accepted.get();
                return leaf;
            }
        }
    }

    private static String cn(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    @Test
    void choosesTheCertificateBySniAndFallsBackToTheDefault() throws Exception {
        Path[] a = TestCertificates.write(dir, "a", "a.example", TestCertificates.keyPair("EC"), false);
        Path[] b = TestCertificates.write(dir, "b", "b.example", TestCertificates.keyPair("RSA"), true);
        TlsService tls = new TlsService();
        tls.configure(TestSettings.of(Map.of("cert", a[0].toString(), "key", a[1].toString(),
                "sni.1.cert", b[0].toString(), "sni.1.key", b[1].toString())));
        tls.start(List.of(a, b));
        assertEquals("CN=b.example", cn(handshake(tls.serverContext(), "b.example", "TLSv1.3")));
        assertEquals("CN=b.example", cn(handshake(tls.serverContext(), "b.example", "TLSv1.2")));
        assertEquals("CN=a.example", cn(handshake(tls.serverContext(), "other.example", "TLSv1.3")));
        assertEquals("CN=a.example", cn(handshake(tls.serverContext(), null, "TLSv1.2")));
    }

    @Test
    void speaksOnlyTls12And13WithStrongSuites() throws Exception {
        Path[] a = TestCertificates.write(dir, "a", "a.example", TestCertificates.keyPair("EC"), false);
        TlsService tls = new TlsService();
        tls.start(List.<Path[]>of(a));
        SSLContext context = tls.serverContext();
        assertThrows(Exception.class, () -> handshake(context, null, "TLSv1.1"));
        String[] suites = context.getDefaultSSLParameters().getCipherSuites();
        assertTrue(suites.length > 0);
        assertTrue(Arrays.stream(suites).allMatch(s -> s.contains("GCM") || s.contains("CHACHA20")), Arrays.toString(suites));
        assertTrue(Arrays.stream(suites).noneMatch(s -> s.contains("_RSA_WITH_") && !s.contains("ECDHE")), Arrays.toString(suites));
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(socket.getEnabledProtocols()));
    }

    @Test
    void reloadsChangedFilesAndKeepsTheOldOnesWhenBroken() throws Exception {
        Path[] a = TestCertificates.write(dir, "a", "old.example", TestCertificates.keyPair("EC"), false);
        TlsService tls = new TlsService();
        tls.configure(TestSettings.of(Map.of("cert", a[0].toString(), "key", a[1].toString(), "reload-check", "0s")));
        tls.start(List.<Path[]>of(a));
        SSLContext first = tls.serverContext();
        TestCertificates.write(dir, "a", "new.example", TestCertificates.keyPair("EC"), false);
        Files.setLastModifiedTime(a[0], FileTime.fromMillis(System.currentTimeMillis() + 5000));
        SSLContext second = tls.serverContext();
        assertNotEquals(first, second);
        assertEquals("CN=new.example", cn(handshake(second, null, "TLSv1.3")));
        Files.writeString(a[1], "garbage");
        Files.setLastModifiedTime(a[1], FileTime.fromMillis(System.currentTimeMillis() + 9000));
        assertEquals(second, tls.serverContext());
    }

    @Test
    void refreshLooksAtTheFilesAtOnceWhateverTheCheckInterval() throws Exception {
        Path[] a = TestCertificates.write(dir, "r", "before.example", TestCertificates.keyPair("EC"), false);
        TlsService tls = new TlsService();
        tls.configure(TestSettings.of(Map.of("cert", a[0].toString(), "key", a[1].toString(), "reload-check", "1h")));
        tls.start(List.<Path[]>of(a));
        SSLContext first = tls.serverContext();
        TestCertificates.write(dir, "r", "after.example", TestCertificates.keyPair("EC"), false);
        Files.setLastModifiedTime(a[0], FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(first, tls.serverContext(), "within the hour the files are not looked at");
        tls.refresh();
        assertEquals("CN=after.example", cn(handshake(tls.serverContext(), null, "TLSv1.3")));
    }

    @Test
    void makesASelfSignedLeafCertificateOnceAndReusesIt() throws Exception {
        List<Path> files = SelfSignedCertificate.ensure(dir.resolve("tls"), "mail.example");
        CertifiedKey key = PemKeyLoader.load(files.get(0), files.get(1));
        assertEquals(-1, key.leaf().getBasicConstraints(), "not a CA");
        assertEquals(List.of("mail.example", "localhost"), key.dnsNames());
        assertTrue(key.leaf().getSubjectAlternativeNames().stream().anyMatch(san -> san.get(1).equals("127.0.0.1")));
        String before = Files.readString(files.get(0));
        SelfSignedCertificate.ensure(dir.resolve("tls"), "mail.example");
        assertEquals(before, Files.readString(files.get(0)));
        if (Files.getFileStore(files.get(1)).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(1))));
        }
    }

    /** Clients in these tests look at the certificate they get rather than trusting it. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

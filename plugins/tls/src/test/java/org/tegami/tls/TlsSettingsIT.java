package org.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.testing.TestServer;

/** The tls.* settings in a real server. */
class TlsSettingsIT {

    @TempDir
    Path dir;

    @Test
    void aMissingCertificateStopsTheStartNamingTheFile() {
        Path missing = dir.resolve("missing.pem");
        Exception e = assertThrows(Exception.class, () -> TestServer.builder().withoutTls()
                .extension("tls", new TlsService()).config("tls.cert", missing.toString()).start().close());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void withoutACertificateASelfSignedOneIsMadeUnderConfTls() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("tls", new TlsService()).start()) {
            Path tls = server.confDir().resolve("tls");
            assertTrue(Files.exists(tls.resolve("selfsigned.crt")));
            CertifiedKey made = PemKeyLoader.load(tls.resolve("selfsigned.crt"), tls.resolve("selfsigned.key"));
            assertTrue(made.serves("mx.test") && made.serves("localhost"), made.dnsNames().toString());
        }
    }
}

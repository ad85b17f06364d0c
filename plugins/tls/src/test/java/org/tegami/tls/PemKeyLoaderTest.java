package org.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tegami.api.ConfigException;

class PemKeyLoaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"RSA,false", "RSA,true", "EC,false", "EC,true"})
    void loadsPkcs1Sec1AndPkcs8Keys(String algorithm, boolean pkcs8) throws Exception {
        Path[] files = TestCertificates.write(dir, "k", "mail.example", TestCertificates.keyPair(algorithm), pkcs8);
        String keyText = Files.readString(files[1]);
        assertTrue(keyText.contains(pkcs8 ? "BEGIN PRIVATE KEY" : "BEGIN " + algorithm + " PRIVATE KEY"), keyText);
        CertifiedKey loaded = PemKeyLoader.load(files[0], files[1]);
        assertEquals(algorithm, loaded.keyType());
        assertTrue(loaded.serves("mail.example"));
    }

    @Test
    void readsCertificateAndKeyFromOneFile() throws Exception {
        Path[] files = TestCertificates.write(dir, "k", "mail.example", TestCertificates.keyPair("EC"), false);
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(files[0]) + Files.readString(files[1]));
        assertEquals(1, PemKeyLoader.load(both, both).chain().size());
    }

    @Test
    void refusesAKeyOfAnotherCertificateNamingTheFile() throws Exception {
        Path[] a = TestCertificates.write(dir, "a", "a.example", TestCertificates.keyPair("EC"), false);
        Path[] b = TestCertificates.write(dir, "b", "b.example", TestCertificates.keyPair("EC"), false);
        ConfigException e = assertThrows(ConfigException.class, () -> PemKeyLoader.load(a[0], b[1]));
        assertEquals(b[1], e.file());
    }

    @Test
    void refusesMissingPartsAndGarbage() throws Exception {
        Path[] a = TestCertificates.write(dir, "a", "a.example", TestCertificates.keyPair("EC"), false);
        assertThrows(ConfigException.class, () -> PemKeyLoader.load(a[0], a[0]));
        assertThrows(ConfigException.class, () -> PemKeyLoader.load(a[1], a[1]));
        assertThrows(ConfigException.class, () -> PemKeyLoader.load(dir.resolve("missing.pem"), a[1]));
    }

    @Test
    void wildcardsCoverOneLabel() throws Exception {
        KeyPair pair = TestCertificates.keyPair("EC");
        Path[] w = TestCertificates.write(dir, "w", "*.example.org", pair, false);
        CertifiedKey key = PemKeyLoader.load(w[0], w[1]);
        assertTrue(key.serves("mx.example.org"));
        assertTrue(!key.serves("a.b.example.org") && !key.serves("example.org"));
    }
}

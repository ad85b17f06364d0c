package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;

class DkimKeyFolderTest {

    @TempDir
    Path dir;

    static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    static Path write(Path dir, String name, String algorithm, Instant modified) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, pem(KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate().getEncoded()));
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void domainIsEverythingBeforeTheLastDotSelectorTheRest() {
        assertEquals(Optional.of(List.of("mail.example.org", "tegami202611")),
                DkimKeyFolder.nameParts("mail.example.org.tegami202611.key"));
        assertEquals(Optional.empty(), DkimKeyFolder.nameParts("nodot.key"));
        assertEquals(Optional.empty(), DkimKeyFolder.nameParts("example.org.sel.pem"));
    }

    @Test
    void newestFileOfADomainSigns() throws Exception {
        Instant now = Instant.now();
        write(dir, "example.org.old.key", "Ed25519", now.minusSeconds(3600));
        write(dir, "example.org.new.key", "Ed25519", now);
        write(dir, "Other.test.rsa.key", "RSA", now);
        Files.writeString(dir.resolve("README"), "not a key");

        Map<String, DkimKey> keys = DkimKeyFolder.read(dir);

        assertEquals(2, keys.size());
        assertEquals("new", keys.get("example.org").selector());
        assertEquals("ed25519-sha256", keys.get("example.org").algorithm());
        assertEquals("rsa-sha256", keys.get("other.test").algorithm());
    }

    @Test
    void missingFolderSignsNothing() throws Exception {
        assertTrue(DkimKeyFolder.read(dir.resolve("absent")).isEmpty());
        assertTrue(DkimKeyFolder.read(dir).isEmpty());
    }

    @Test
    void badFileIsNamed() throws Exception {
        Path bad = dir.resolve("example.org.sel.key");
        Files.writeString(bad, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DkimKeyFolder.read(dir));

        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an RSA or Ed25519"), e.getMessage());
    }

    @Test
    void shortRsaKeyIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(512);
        Files.writeString(dir.resolve("example.org.weak.key"), pem(g.generateKeyPair().getPrivate().getEncoded()));

        ConfigException e = assertThrows(ConfigException.class, () -> DkimKeyFolder.read(dir));

        assertTrue(e.getMessage().contains("at least 1024"), e.getMessage());
    }
}

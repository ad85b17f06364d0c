package org.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JDK reader gives what BouncyCastle gives for the usual files, and leaves it the others. */
class JdkPemReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"RSA,false", "RSA,true", "EC,false", "EC,true"})
    void readsTheUsualFilesAsBouncyCastleDoes(String algorithm, boolean pkcs8) throws Exception {
        Path[] files = TestCertificates.write(dir, "k", "mail.example", TestCertificates.keyPair(algorithm), pkcs8);
        Path both = dir.resolve("both.pem");
        // openssl pkcs12 output puts attribute lines before each block; they are not part of it
        Files.writeString(both, "Bag Attributes\n    friendlyName: mail\n" + Files.readString(files[0])
                + Files.readString(files[1]).replace("\n", "\r\n"));
        JdkPemReader.Content jdk = JdkPemReader.read(both).orElseThrow();
        List<X509Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        BouncyCastlePem.read(both, chain, keys);
        assertEquals(chain, jdk.chain());
        assertEquals(1, jdk.keys().size());
        assertEquals(keys.get(0).getAlgorithm(), jdk.keys().get(0).getAlgorithm());
        assertArrayEquals(keys.get(0).getEncoded(), jdk.keys().get(0).getEncoded());
    }

    @Test
    void leavesEncryptedKeysOtherBlocksAndDamageToBouncyCastle() throws Exception {
        Path[] files = TestCertificates.write(dir, "k", "mail.example", TestCertificates.keyPair("RSA"), false);
        String cert = Files.readString(files[0]);
        String key = Files.readString(files[1]);
        String body = key.substring(key.indexOf('\n') + 1);
        List<String> others = List.of(
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n" + body,
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBAA==\n-----END ENCRYPTED PRIVATE KEY-----\n",
                "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n",
                cert.substring(0, cert.length() / 2),
                cert.replace("-----END CERTIFICATE-----", "-----END CERTIFICATE-----\n").replaceFirst("\n[A-Za-z0-9+/]{8}", "\n#"),
                "-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n");
        for (String text : others) {
            Path file = dir.resolve("other.pem");
            Files.writeString(file, text);
            assertTrue(JdkPemReader.read(file).isEmpty(), text);
        }
        assertTrue(JdkPemReader.read(dir.resolve("missing.pem")).isEmpty());
    }

    @Test
    void aFileWithoutBlocksHasNothing() throws Exception {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "nothing here\n");
        JdkPemReader.Content content = JdkPemReader.read(file).orElseThrow();
        assertTrue(content.chain().isEmpty() && content.keys().isEmpty());
    }
}

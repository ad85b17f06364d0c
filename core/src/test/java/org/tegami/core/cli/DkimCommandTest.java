package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tegami dkim} end to end through {@link Main#run}, on a temporary installation. */
class DkimCommandTest {

    private static final Pattern RECORD = Pattern.compile(
            "([A-Za-z0-9-]+)\\._domainkey\\.([a-z0-9.-]+)\\. IN TXT((?: \"[^\"]{1,255}\")+)");

    @TempDir
    Path root;
    private Path conf;
    private String out;
    private String err;

    @BeforeEach
    void setUp() throws Exception {
        conf = Files.createDirectories(root.resolve("conf"));
        Files.writeString(conf.resolve("tegami.conf"), "domains = example.org\n");
    }

    private int tegami(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--conf", conf.toString()));
        argv.addAll(List.of(args));
        int code = Main.run(argv, new CliContext(Path.of("conf"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** The TXT text of a printed record, its strings joined as DNS joins them. */
    private static String txt(String line) {
        Matcher m = RECORD.matcher(line.strip());
        assertTrue(m.matches(), line);
        return m.group(3).replaceAll("\" \"", "").replace(" \"", "").replace("\"", "");
    }

    private static PrivateKey privateKey(Path file, String algorithm) throws Exception {
        String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
    }

    @Test
    void keygenWritesAPrivateRsaKeyAndPrintsItsRecord() throws Exception {
        assertEquals(0, tegami("dkim", "keygen", "Example.org"), err);

        String selector = "tegami" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMM"));
        Path file = root.resolve("conf/dkim/example.org." + selector + ".key");
        assertTrue(Files.isRegularFile(file), err);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(out.startsWith(selector + "._domainkey.example.org. IN TXT \"v=DKIM1; k=rsa; p="), out);
        String txt = txt(out);
        assertTrue(out.contains("\" \""), "a 2048-bit key needs two strings: " + out);
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(txt.substring(txt.indexOf("p=") + 2))));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(privateKey(file, "RSA"));
        s.update(new byte[] {1, 2, 3});
        byte[] signature = s.sign();
        s.initVerify(pub);
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(signature));
    }

    @Test
    void keygenRefusesToOverwrite() throws Exception {
        assertEquals(0, tegami("dkim", "keygen", "example.org", "--selector", "one", "--type", "ed25519"));
        Path file = root.resolve("conf/dkim/example.org.one.key");
        String before = Files.readString(file);

        assertEquals(ExitCodes.DATA_ERROR, tegami("dkim", "keygen", "example.org", "--selector", "one"));

        assertTrue(err.contains("already exists"), err);
        assertEquals(before, Files.readString(file));
    }

    @Test
    void showPrintsTheSameRecordsAsKeygen() throws Exception {
        assertEquals(0, tegami("dkim", "keygen", "example.org", "--selector", "ed", "--type", "ed25519"));
        String edRecord = out.strip();
        assertTrue(edRecord.startsWith("ed._domainkey.example.org. IN TXT \"v=DKIM1; k=ed25519; p="), edRecord);
        assertEquals(0, tegami("dkim", "keygen", "other.test", "--selector", "r1"));
        String rsaRecord = out.strip();

        assertEquals(0, tegami("dkim", "show"));
        assertEquals(List.of(edRecord, rsaRecord), out.lines().toList());
        assertEquals(0, tegami("dkim", "show", "other.test"));
        assertEquals(List.of(rsaRecord), out.lines().toList());
        assertEquals(ExitCodes.DATA_ERROR, tegami("dkim", "show", "absent.test"));
    }

    @Test
    void ed25519PublicKeyOfRfc8463IsDerivedFromItsSeed() throws Exception {
        // RFC 8463 Appendix A.1 and A.2: the secret key and the record that publishes it.
        String pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
                + "-----END PRIVATE KEY-----\n";

        assertEquals("brisbane._domainkey.football.example.com. IN TXT "
                        + "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"",
                DkimCommand.record("football.example.com", "brisbane", DkimCommand.publicKey(pem)));
    }

    @Test
    void keysFolderComesFromTheConfiguration() throws Exception {
        Files.writeString(conf.resolve("tegami.conf"), "domains = example.org\nsmtp.dkim.keys = keys/here\n");

        assertEquals(0, tegami("dkim", "keygen", "example.org", "--selector", "s", "--type", "ed25519"));

        assertTrue(Files.isRegularFile(root.resolve("keys/here/example.org.s.key")));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, tegami("dkim"));
        assertEquals(ExitCodes.USAGE, tegami("dkim", "keygen"));
        assertEquals(ExitCodes.USAGE, tegami("dkim", "keygen", "example.org", "--type", "dsa"));
        assertEquals(ExitCodes.DATA_ERROR, tegami("dkim", "keygen", "example.org", "--selector", "a.b"));
        assertEquals(ExitCodes.DATA_ERROR, tegami("dkim", "keygen", "not_a_domain"));
    }
}

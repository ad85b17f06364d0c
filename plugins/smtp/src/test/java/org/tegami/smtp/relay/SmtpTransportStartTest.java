package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;
import org.tegami.testing.TestSettings;

/**
 * The relay loads its TLS contexts and DNS resolver at first use, but a configured trust store
 * and the DKIM keys still at start.
 */
class SmtpTransportStartTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredTrustStoreThatDoesNotReadStopsTheStart() throws Exception {
        Path bad = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        SmtpTransport transport = new SmtpTransport(RelayConfig.builder().trustStore(bad).build());
        ConfigException e = assertThrows(ConfigException.class, () -> transport.start(null));
        assertTrue(e.getMessage().contains("smtp.relay.tls-trust-store"), e.getMessage());
    }

    @Test
    void aDkimKeyFileThatDoesNotReadStopsTheStartNamingIt() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("dkim"));
        Path bad = Files.writeString(keys.resolve("example.org.sel.key"), "not a key\n");
        SmtpTransport transport = new SmtpTransport(RelayConfig.builder().build(), keys);
        ConfigException e = assertThrows(ConfigException.class, () -> transport.start(null));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("smtp.dkim.keys"), e.getMessage());
    }

    @Test
    void aDkimKeyFileThatDoesNotReadIsFoundWhenTheSettingsAreRead() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("dkim"));
        Path bad = Files.writeString(keys.resolve("example.org.sel.key"), "not a key\n");
        // 'tegami check-config' reads each extension's settings without starting it.
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SmtpTransport().configure(TestSettings.of(dir, "dkim.keys", keys.toString())));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }

    @Test
    void noDkimFolderIsNoError() throws Exception {
        SmtpTransport transport = new SmtpTransport(RelayConfig.builder().build(), dir.resolve("absent"));
        transport.start(null);
        transport.refresh();
        transport.stop();
    }
}

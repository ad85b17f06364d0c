package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;
import org.tegami.testing.TestSettings;

class RelayConfigTest {

    @TempDir
    Path root;

    @Test
    void defaultsFollowRfc5321Timeouts() throws Exception {
        RelayConfig c = RelayConfig.read(TestSettings.of(root));
        assertEquals(25, c.port());
        assertEquals(Duration.ofMinutes(5), c.greetingTimeout());
        assertEquals(Duration.ofMinutes(5), c.commandTimeout());
        assertEquals(Duration.ofMinutes(2), c.dataTimeout());
        assertEquals(Duration.ofMinutes(10), c.dataDoneTimeout());
        assertEquals("", c.dnsResolver());
        assertEquals(List.of("ipv4", "ipv6"), c.inetProtocols());
        assertNull(c.trustStore());
        assertTrue(c.verifySmarthostTls());
    }

    @Test
    void readsEveryKey() throws Exception {
        Files.writeString(root.resolve("relay-auth"), "[smtp.example.net]:587 u:p\n");
        RelayConfig c = RelayConfig.read(TestSettings.of(root,
                "relay.port", "2525", "relay.connect-timeout", "5s", "relay.command-timeout", "1m",
                "relay.dns-resolver", "127.0.0.1:5353", "relay.helo-name", "out.example.org",
                "relay.inet-protocols", "ipv6", "relay.tls-trust-store", "conf/ca.pem",
                "relay.tls-verify-smarthost", "false", "relay.auth", "a:b", "relay.auth-file", "relay-auth",
                "relay.connection-idle", "0s", "relay.connection-cache-size", "2", "relay.max-recipients", "50",
                "relay.host-down-time", "0s", "relay.data-block-timeout", "1m"));
        assertEquals(2525, c.port());
        assertEquals(Duration.ofSeconds(5), c.connectTimeout());
        assertEquals(Duration.ofMinutes(1), c.commandTimeout());
        assertEquals("127.0.0.1:5353", c.dnsResolver());
        assertEquals("out.example.org", c.heloName());
        assertTrue(c.uses("ipv6"));
        assertFalse(c.uses("ipv4"));
        assertEquals(root.resolve("conf/ca.pem"), c.trustStore());
        assertFalse(c.verifySmarthostTls());
        assertEquals("u", c.credentials().forSmarthost(NextHop.parse("[smtp.example.net]:587", 25)).orElseThrow().user());
        assertEquals("a", c.credentials().forSmarthost(NextHop.parse("[other.example.net]", 25)).orElseThrow().user());
        assertTrue(c.idleTime().isZero());
        assertEquals(2, c.cachePerHost());
        assertEquals(50, c.maxRecipients());
        assertTrue(c.hostDownTime().isZero());
        assertEquals(Duration.ofMinutes(1), c.dataBlockTimeout());
    }

    @Test
    void refusesBadValues() {
        assertThrows(ConfigException.class, () -> RelayConfig.read(TestSettings.of(root, "relay.port", "0")));
        assertThrows(ConfigException.class, () -> RelayConfig.read(TestSettings.of(root, "relay.inet-protocols", "ipx")));
        assertThrows(ConfigException.class, () -> RelayConfig.read(TestSettings.of(root, "relay.max-recipients", "0")));
        assertThrows(ConfigException.class, () -> RelayConfig.read(TestSettings.of(root, "relay.command-timeout", "0s")));
        assertThrows(ConfigException.class, () -> RelayConfig.read(TestSettings.of(root, "relay.dns-resolver", "host:x")));
        assertThrows(ConfigException.class, () -> RelayConfig.read(TestSettings.of(root, "relay.auth", "nopassword")));
    }

    @Test
    void acceptsAnIpv6Resolver() throws Exception {
        assertEquals("::1", RelayConfig.read(TestSettings.of(root, "relay.dns-resolver", "::1")).dnsResolver());
        assertEquals("[::1]:53", RelayConfig.read(TestSettings.of(root, "relay.dns-resolver", "[::1]:53")).dnsResolver());
    }

    @Test
    void anUnreadableTrustStoreStopsTheStart() throws Exception {
        Path empty = Files.writeString(root.resolve("ca.pem"), "no certificates here\n");
        for (Path trust : List.of(root.resolve("missing.pem"), empty)) {
            SmtpTransport transport = new SmtpTransport(RelayConfig.builder().dnsResolver("127.0.0.1:53").trustStore(trust).build());
            ConfigException e = assertThrows(ConfigException.class, () -> transport.start(null));
            assertEquals(trust, e.file());
            transport.stop();
        }
    }
}

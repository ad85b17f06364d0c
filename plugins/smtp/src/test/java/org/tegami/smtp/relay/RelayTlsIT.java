package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tegami.api.DeliveryResult.Status.DEFERRED;
import static org.tegami.api.DeliveryResult.Status.DELIVERED;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.DeliveryResult;
import org.tegami.api.OutboundMessage;
import org.xbill.DNS.Type;

/** STARTTLS (opportunistic and required), certificate checks, smarthosts with AUTH. */
class RelayTlsIT {

    private static TestCertificate certificate;
    private static SSLContext serverTls;

    @TempDir
    Path dir;
    private RelayTestBed bed;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.forNames("mx1.example.test", "smarthost.test");
        serverTls = certificate.serverContext();
    }

    @BeforeEach
    void setUp() throws Exception {
        bed = new RelayTestBed();
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2")
                .a("smarthost.test", "127.0.0.5");
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private static OutboundMessage message(String nextHop, boolean requireTls) {
        return RelayTestBed.message(RelayTestBed.CONTENT.getBytes(StandardCharsets.UTF_8), nextHop, requireTls, Map.of(),
                "bob@example.test");
    }

    @Test
    void startTlsIsUsedWhenOffered() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").tls(serverTls));

        List<DeliveryResult> results = bed.transport().deliver(message(null, false));

        assertEquals(DELIVERED, results.get(0).status());
        assertTrue(mx.messages().get(0).tls());
        List<String> commands = mx.commands();
        assertEquals(List.of("EHLO relay.test", "STARTTLS", "EHLO relay.test"), commands.subList(0, 3));
    }

    @Test
    void opportunisticTlsAcceptsAnUntrustedCertificate() throws Exception {
        SSLContext other = TestCertificate.forNames("someone.else.test").serverContext();
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").tls(other));

        List<DeliveryResult> results = bed.transport().deliver(message(null, false));

        assertEquals(DELIVERED, results.get(0).status());
        assertTrue(mx.messages().get(0).tls());
    }

    @Test
    void failedOpportunisticHandshakeFallsBackToPlainText() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").brokenTls());

        List<DeliveryResult> results = bed.transport().deliver(message(null, false));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals(2, mx.connections());
        assertFalse(mx.messages().get(0).tls());
    }

    @Test
    void failedHandshakeDefersWhenTlsIsRequired() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").brokenTls());

        List<DeliveryResult> results = bed.transport().deliver(message(null, true));

        assertEquals(DEFERRED, results.get(0).status());
        assertEquals("4.7.5", results.get(0).reply().enhanced());
        assertEquals(1, mx.connections());
    }

    @Test
    void requiredTlsDefersWhenTheServerHasNoStartTls() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test"));

        List<DeliveryResult> results = bed.transport().deliver(message(null, true));

        assertEquals(DEFERRED, results.get(0).status());
        assertEquals("4.7.10", results.get(0).reply().enhanced());
        assertEquals("mx1.example.test", results.get(0).remoteHost());
        assertTrue(mx.messages().isEmpty());
        assertFalse(mx.commands().stream().anyMatch(c -> c.startsWith("MAIL")));
    }

    @Test
    void requiredTlsDefersWhenTheCertificateIsNotTrusted() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").tls(serverTls));

        // The JDK's trust store does not know the test certificate.
        List<DeliveryResult> results = bed.transport().deliver(message(null, true));

        assertEquals(DEFERRED, results.get(0).status());
        assertEquals("4.7.5", results.get(0).reply().enhanced());
        assertTrue(mx.messages().isEmpty());
    }

    @Test
    void requiredTlsDeliversWithAVerifiedCertificate() throws Exception {
        Path trust = certificate.writePem(dir.resolve("ca.pem"));
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").tls(serverTls));

        List<DeliveryResult> results = bed.transport(bed.config().trustStore(trust)).deliver(message(null, true));

        assertEquals(DELIVERED, results.get(0).status());
        assertTrue(mx.messages().get(0).tls());
    }

    @Test
    void requiredTlsChecksTheHostName() throws Exception {
        TestCertificate wrongName = TestCertificate.forNames("other.test");
        Path trust = wrongName.writePem(dir.resolve("ca.pem"));
        bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test").tls(wrongName.serverContext()));

        List<DeliveryResult> results = bed.transport(bed.config().trustStore(trust)).deliver(message(null, true));

        assertEquals(DEFERRED, results.get(0).status());
        assertEquals("4.7.5", results.get(0).reply().enhanced());
    }

    @Test
    void smarthostGetsTheMessageWithAuthOverStartTls() throws Exception {
        Path trust = certificate.writePem(dir.resolve("ca.pem"));
        ScriptedSmtpServer smarthost = bed.server("127.0.0.5", new ScriptedSmtpServer.Script().name("smarthost.test")
                .tls(serverTls).auth("relay@origin.test", "s3cret:pass"));
        RelayCredentials credentials = RelayCredentials.of("relay@origin.test:s3cret:pass", null);
        SmtpTransport transport = bed.transport(bed.config().trustStore(trust).credentials(credentials));

        List<DeliveryResult> results = transport.deliver(message("[smarthost.test]:" + bed.port, false));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals("smarthost.test", results.get(0).remoteHost());
        ScriptedSmtpServer.Received received = smarthost.messages().get(0);
        assertTrue(received.tls());
        assertEquals("relay@origin.test", received.authUser());
        assertEquals(0, bed.dns.queryCount("smarthost.test", Type.MX), "brackets mean no MX lookup");
    }

    @Test
    void smarthostLoginWorksWithAuthLoginToo() throws Exception {
        Path trust = certificate.writePem(dir.resolve("ca.pem"));
        ScriptedSmtpServer smarthost = bed.server("127.0.0.5", new ScriptedSmtpServer.Script().name("smarthost.test")
                .tls(serverTls).auth("relay", "pw").extensions("8BITMIME", "AUTH LOGIN"));
        Path file = dir.resolve("relay-auth");
        java.nio.file.Files.writeString(file, "# smarthosts\n[smarthost.test]:" + bed.port + " relay:pw\n");
        SmtpTransport transport = bed.transport(bed.config().trustStore(trust).credentials(RelayCredentials.of(null, file)));

        List<DeliveryResult> results = transport.deliver(message("[smarthost.test]:" + bed.port, false));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals("relay", smarthost.messages().get(0).authUser());
    }

    @Test
    void refusedLoginDefersWithTheServerText() throws Exception {
        Path trust = certificate.writePem(dir.resolve("ca.pem"));
        ScriptedSmtpServer smarthost = bed.server("127.0.0.5", new ScriptedSmtpServer.Script().name("smarthost.test")
                .tls(serverTls).auth("relay", "right"));
        SmtpTransport transport = bed.transport(bed.config().trustStore(trust)
                .credentials(RelayCredentials.of("relay:wrong", null)));

        List<DeliveryResult> results = transport.deliver(message("[smarthost.test]:" + bed.port, false));

        assertEquals(DEFERRED, results.get(0).status());
        assertTrue(results.get(0).reply().text().contains("535 5.7.8 authentication credentials invalid"));
        assertTrue(smarthost.messages().isEmpty());
    }

    @Test
    void noPasswordIsSentWithoutTls() throws Exception {
        ScriptedSmtpServer smarthost = bed.server("127.0.0.5", new ScriptedSmtpServer.Script().name("smarthost.test")
                .extensions("AUTH PLAIN LOGIN"));
        SmtpTransport transport = bed.transport(bed.config().credentials(RelayCredentials.of("relay:pw", null)));

        List<DeliveryResult> results = transport.deliver(message("[smarthost.test]:" + bed.port, false));

        assertEquals(DEFERRED, results.get(0).status());
        assertFalse(smarthost.commands().stream().anyMatch(c -> c.startsWith("AUTH")));
        assertNull(smarthost.messages().isEmpty() ? null : smarthost.messages().get(0));
    }

    @Test
    void smarthostWithoutBracketsIsLookedUpByMx() throws Exception {
        bed.dns.mx("relay.test", 10, "smarthost.test");
        ScriptedSmtpServer smarthost = bed.server("127.0.0.5", new ScriptedSmtpServer.Script().name("smarthost.test"));

        List<DeliveryResult> results = bed.transport().deliver(message("relay.test:" + bed.port, false));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals(1, smarthost.messages().size());
        assertEquals(1, bed.dns.queryCount("relay.test", Type.MX));
    }
}

package org.tegami.smtp.relay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Recipient;
import org.tegami.smtp.fake.TestDnsServer;

/**
 * A loopback world for relay tests: one {@link TestDnsServer}, scripted SMTP servers on
 * 127.0.0.x (all on one port, which the transport uses as the MX port), and a transport
 * pointed at both with short timeouts.
 */
final class RelayTestBed implements AutoCloseable {

    static final String CONTENT = "From: alice@origin.test\r\nTo: bob@example.test\r\nSubject: hello\r\n\r\nHello Bob.\r\n";

    final TestDnsServer dns;
    final int port;
    private final List<ScriptedSmtpServer> servers = new ArrayList<>();
    private final List<SmtpTransport> transports = new ArrayList<>();

    RelayTestBed() throws IOException {
        dns = new TestDnsServer();
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
    }

    /** A server on {@code ip}, on the shared port. */
    ScriptedSmtpServer server(String ip, ScriptedSmtpServer.Script script) throws IOException {
        ScriptedSmtpServer s = ScriptedSmtpServer.start(ip, port, script);
        servers.add(s);
        return s;
    }

    /** Short timeouts for tests; change what a test needs, then {@link #transport(RelayConfig.Builder)}. */
    RelayConfig.Builder config() {
        Duration t = Duration.ofSeconds(3);
        return RelayConfig.builder().dnsResolver(dns.address()).port(port).heloName("relay.test")
                .connectTimeout(t).greetingTimeout(t).commandTimeout(t).dataTimeout(t).dataDoneTimeout(t)
                .dnsTimeout(Duration.ofSeconds(2));
    }

    SmtpTransport transport(RelayConfig.Builder config) throws Exception {
        return transport(config, null);
    }

    /** A transport that signs with the DKIM keys of a folder ({@code null}: none). */
    SmtpTransport transport(RelayConfig.Builder config, java.nio.file.Path dkimKeys) throws Exception {
        SmtpTransport t = new SmtpTransport(config.build(), dkimKeys);
        t.start(null);
        transports.add(t);
        return t;
    }

    SmtpTransport transport() throws Exception {
        return transport(config());
    }

    static OutboundMessage message(String... recipients) {
        return message(CONTENT.getBytes(StandardCharsets.UTF_8), null, false, Map.of(), recipients);
    }

    static OutboundMessage message(byte[] content, String nextHop, boolean requireTls, Map<String, String> params,
            String... recipients) {
        List<MailAddress> rcpts = new ArrayList<>();
        List<Recipient> envelopeRcpts = new ArrayList<>();
        for (String r : recipients) {
            MailAddress a = MailAddress.parse(r);
            rcpts.add(a);
            envelopeRcpts.add(Recipient.of(a));
        }
        Envelope envelope = new Envelope(MailAddress.parse("alice@origin.test"), envelopeRcpts, params, null);
        return new OutboundMessage("Q" + System.nanoTime(), envelope, rcpts, nextHop, requireTls,
                () -> new ByteArrayInputStream(content), content.length);
    }

    static DeliveryResult.Status status(List<DeliveryResult> results, int i) {
        return results.get(i).status();
    }

    @Override
    public void close() throws IOException {
        transports.forEach(SmtpTransport::stop);
        for (ScriptedSmtpServer s : servers) {
            s.close();
        }
        dns.close();
    }
}

package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tegami.api.DeliveryResult.Status.DEFERRED;
import static org.tegami.api.DeliveryResult.Status.DELIVERED;
import static org.tegami.api.DeliveryResult.Status.FAILED;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.api.DeliveryResult;
import org.tegami.api.ServerContext;
import org.xbill.DNS.Type;

/** Which server gets the message: MX order, fallback, implicit and null MX, DNS trouble. */
class MxRoutingIT {

    private RelayTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new RelayTestBed();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private ScriptedSmtpServer server(String ip, String name) throws Exception {
        return bed.server(ip, new ScriptedSmtpServer.Script().name(name));
    }

    @Test
    void lowestPreferenceIsTriedFirst() throws Exception {
        bed.dns.mx("example.test", 20, "mx2.example.test").mx("example.test", 10, "mx1.example.test")
                .a("mx1.example.test", "127.0.0.2").a("mx2.example.test", "127.0.0.3");
        ScriptedSmtpServer mx1 = server("127.0.0.2", "mx1.example.test");
        ScriptedSmtpServer mx2 = server("127.0.0.3", "mx2.example.test");

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test"));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals("mx1.example.test", results.get(0).remoteHost());
        assertEquals(1, mx1.messages().size());
        assertEquals(0, mx2.connections());
    }

    @Test
    void secondMxIsUsedWhenTheFirstIsDown() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").mx("example.test", 20, "mx2.example.test")
                .a("mx1.example.test", "127.0.0.9").a("mx2.example.test", "127.0.0.3");
        ScriptedSmtpServer mx2 = server("127.0.0.3", "mx2.example.test");

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test"));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals("mx2.example.test", results.get(0).remoteHost());
        assertEquals(1, mx2.messages().size());
    }

    @Test
    void everyRecipientIsDeferredWhenAllMxAreDown() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").mx("example.test", 20, "mx2.example.test")
                .a("mx1.example.test", "127.0.0.9").a("mx2.example.test", "127.0.0.10");

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test", "carol@example.test"));

        assertEquals(2, results.size());
        for (DeliveryResult r : results) {
            assertEquals(DEFERRED, r.status());
            assertEquals("4.4.1", r.reply().enhanced());
            assertTrue(r.reply().text().contains("refused"), r.reply().text());
        }
    }

    @Test
    void bothAddressFamiliesOfAHostAreTried() throws Exception {
        assumeTrue(ipv6LoopbackWorks(), "no IPv6 loopback here");
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.9").aaaa("mx1.example.test", "::1");
        ScriptedSmtpServer v6 = bed.server("::1", new ScriptedSmtpServer.Script().name("mx1.example.test"));

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test"));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals(1, v6.messages().size());
    }

    @Test
    void nullMxFailsAtOnceWithoutConnecting() throws Exception {
        bed.dns.nullMx("nomail.test").a("nomail.test", "127.0.0.2");
        ScriptedSmtpServer s = server("127.0.0.2", "nomail.test");

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@nomail.test"));

        assertEquals(FAILED, results.get(0).status());
        assertEquals(556, results.get(0).reply().code());
        assertEquals("5.1.10", results.get(0).reply().enhanced());
        assertEquals(0, s.connections());
    }

    @Test
    void domainWithoutMxIsItsOwnImplicitMx() throws Exception {
        bed.dns.a("plain.test", "127.0.0.4");
        ScriptedSmtpServer s = server("127.0.0.4", "plain.test");

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@plain.test"));

        assertEquals(DELIVERED, results.get(0).status());
        assertEquals("plain.test", results.get(0).remoteHost());
        assertEquals(1, s.messages().size());
        assertEquals(1, bed.dns.queryCount("plain.test", Type.MX));
    }

    @Test
    void asBackupMxOnlyBetterHostsAreTried() throws Exception {
        bed.dns.mx("example.test", 10, "primary.example.test").mx("example.test", 20, "relay.test")
                .mx("example.test", 30, "worse.example.test")
                .a("primary.example.test", "127.0.0.9").a("relay.test", "127.0.0.3").a("worse.example.test", "127.0.0.4");
        ScriptedSmtpServer self = server("127.0.0.3", "relay.test");
        ScriptedSmtpServer worse = server("127.0.0.4", "worse.example.test");

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("bob@example.test")).get(0);

        assertEquals(DEFERRED, r.status(), "the primary is down; neither this server nor a worse MX may take it");
        assertEquals(0, self.connections() + worse.connections());
    }

    @Test
    void mailLoopingBackIsRefused() throws Exception {
        bed.dns.mx("example.test", 10, "relay.test").a("relay.test", "127.0.0.3");

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("bob@example.test")).get(0);

        assertEquals(FAILED, r.status());
        assertEquals("5.4.6", r.reply().enhanced());
    }

    @Test
    void addressLiteralDomainsGoStraightToTheAddress() throws Exception {
        ScriptedSmtpServer s = server("127.0.0.6", "literal.test");

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("bob@[127.0.0.6]")).get(0);

        assertEquals(DELIVERED, r.status());
        assertEquals(1, s.messages().size());
        assertTrue(bed.dns.queries().isEmpty());
    }

    @Test
    void unknownDomainFails() throws Exception {
        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@nowhere.test"));

        assertEquals(FAILED, results.get(0).status());
        assertEquals("5.1.2", results.get(0).reply().enhanced());
    }

    @Test
    void dnsServerFailureDefers() throws Exception {
        bed.dns.failWith("broken.test");

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@broken.test"));

        assertEquals(DEFERRED, results.get(0).status());
        assertEquals("4.4.3", results.get(0).reply().enhanced());
    }

    @Test
    void dnsServerThatNeverAnswersDefersSayingSo() throws Exception {
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            MxResolver resolver = new MxResolver("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(700), List.of("ipv4"));

            MxResolver.Resolution r = resolver.resolve(NextHop.domain("remote.test", 25));

            assertTrue(r instanceof MxResolver.Resolution.Deferred, r.toString());
            String text = ((MxResolver.Resolution.Deferred) r).reply().toString();
            assertTrue(text.startsWith("451 4.4.3 DNS lookup of remote.test failed: no answer from the DNS server within 700 ms"),
                    text);
        }
    }

    @Test
    void dnsAnswersAreCachedWithinTheirTtl() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test", 2).a("mx1.example.test", "127.0.0.2", 300);
        server("127.0.0.2", "mx1.example.test");
        SmtpTransport transport = bed.transport();

        transport.deliver(RelayTestBed.message("bob@example.test"));
        transport.deliver(RelayTestBed.message("bob@example.test"));
        assertEquals(1, bed.dns.queryCount("example.test", Type.MX));
        assertEquals(1, bed.dns.queryCount("mx1.example.test", Type.A));

        // dnsjava counts TTLs in whole seconds: after 2.1 s a 2 s TTL has surely run out.
        Thread.sleep(2100);
        transport.deliver(RelayTestBed.message("bob@example.test"));
        assertEquals(2, bed.dns.queryCount("example.test", Type.MX));
        assertEquals(1, bed.dns.queryCount("mx1.example.test", Type.A));
    }

    @Test
    void recipientsOfSeveralDomainsGoToTheirOwnServers() throws Exception {
        bed.dns.mx("one.test", 10, "mx.one.test").a("mx.one.test", "127.0.0.2")
                .mx("two.test", 10, "mx.two.test").a("mx.two.test", "127.0.0.3");
        ScriptedSmtpServer one = server("127.0.0.2", "mx.one.test");
        ScriptedSmtpServer two = server("127.0.0.3", "mx.two.test");

        List<DeliveryResult> results = bed.transport()
                .deliver(RelayTestBed.message("a@one.test", "b@two.test", "c@one.test"));

        assertEquals(List.of("a@one.test", "b@two.test", "c@one.test"),
                results.stream().map(r -> r.recipient().toString()).toList());
        assertTrue(results.stream().allMatch(r -> r.status() == DELIVERED));
        assertEquals(2, one.messages().get(0).rcptTo().size());
        assertEquals(1, two.messages().get(0).rcptTo().size());
    }

    @Test
    void silentServerTimesOutAndDefers() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
        bed.server("127.0.0.2", new ScriptedSmtpServer.Script().silent());
        SmtpTransport transport = bed.transport(bed.config().greetingTimeout(Duration.ofMillis(300)));

        long start = System.nanoTime();
        List<DeliveryResult> results = transport.deliver(RelayTestBed.message("bob@example.test"));

        assertEquals(DEFERRED, results.get(0).status());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
    }

    @Test
    void aHostThatDidNotAnswerIsSkippedForAWhile() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").mx("example.test", 20, "mx2.example.test")
                .a("mx1.example.test", "127.0.0.2").a("mx2.example.test", "127.0.0.3");
        ScriptedSmtpServer silent = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().silent());
        ScriptedSmtpServer mx2 = server("127.0.0.3", "mx2.example.test");
        SmtpTransport transport = bed.transport(bed.config().greetingTimeout(Duration.ofMillis(300))
                .hostDownTime(Duration.ofMillis(700)).idleTime(Duration.ZERO));

        assertEquals(DELIVERED, transport.deliver(RelayTestBed.message("a@example.test")).get(0).status());
        assertEquals(DELIVERED, transport.deliver(RelayTestBed.message("b@example.test")).get(0).status());
        assertEquals(1, silent.connections(), "skipped while remembered as down");
        Thread.sleep(800);
        assertEquals(DELIVERED, transport.deliver(RelayTestBed.message("c@example.test")).get(0).status());
        assertEquals(2, silent.connections(), "tried again after the down time");
        assertEquals(3, mx2.messages().size());
    }

    @Test
    void onlyDownHostsMeanDeferringAtOnce() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.9");
        SmtpTransport transport = bed.transport();
        transport.deliver(RelayTestBed.message("a@example.test"));

        DeliveryResult r = transport.deliver(RelayTestBed.message("b@example.test")).get(0);

        assertEquals(DEFERRED, r.status());
        assertTrue(r.reply().text().startsWith("delivery temporarily suspended: connect to"), r.reply().text());
    }

    @Test
    void permanentGreetingRefusalOfEveryHostFails() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
        bed.server("127.0.0.2", new ScriptedSmtpServer.Script().greeting("554 5.7.1 no service for you"));

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test"));

        assertEquals(FAILED, results.get(0).status());
        assertTrue(results.get(0).reply().text().contains("no service for you"));
    }

    @Test
    void resolverAndHostnameComeFromTheServer() throws Exception {
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
        ScriptedSmtpServer mx = server("127.0.0.2", "mx1.example.test");
        ServerContext context = (ServerContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServerContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hostname" -> "out.origin.test";
                    case "dnsResolver" -> Optional.of(bed.dns.address());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        SmtpTransport transport = new SmtpTransport(RelayConfig.builder().port(bed.port).build());
        transport.start(context);
        try {
            assertEquals(DELIVERED, transport.deliver(RelayTestBed.message("bob@example.test")).get(0).status());
        } finally {
            transport.stop();
        }
        assertEquals("EHLO out.origin.test", mx.commands().get(0));
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}

package org.tegami.smtp.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tegami.api.DeliveryResult;
import org.tegami.api.OutboundMessage;

/**
 * Relay throughput to loopback sinks: messages per second through {@link SmtpTransport} with
 * several delivery threads (as the spool's workers), to 1 destination host and to 10 (ten sink
 * servers on 127.0.0.20-29, ten domains in the test DNS). Not a test; run it with
 * <pre>
 * mvn -q -o -pl plugins/smtp -am test-compile
 * java -cp "plugins/smtp/target/test-classes:plugins/smtp/target/classes:core/target/classes:$(cat cp.txt)" \
 *     org.tegami.smtp.relay.RelayBench [messages] [threads] [size]
 * </pre>
 * where {@code cp.txt} holds the plugin's test class path (dnsjava, tinylog, BouncyCastle).
 */
public final class RelayBench {

    private RelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 4096;
        byte[] content = content(size);
        System.out.printf(Locale.ROOT, "relay throughput: %d messages of %d bytes, %d threads, %d cores%n",
                messages, content.length, threads, Runtime.getRuntime().availableProcessors());
        for (String variant : List.of("1 host", "10 hosts", "1 host, STARTTLS", "1 host, no connection reuse")) {
            run(variant, messages, threads, content);
        }
    }

    private static void run(String variant, int messages, int threads, byte[] content) throws Exception {
        int hosts = variant.startsWith("10") ? 10 : 1;
        try (RelayTestBed bed = new RelayTestBed()) {
            List<ScriptedSmtpServer> sinks = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                String ip = "127.0.0." + (20 + i);
                bed.dns.mx("d" + i + ".bench", 10, "mx.d" + i + ".bench").a("mx.d" + i + ".bench", ip);
                ScriptedSmtpServer.Script script = new ScriptedSmtpServer.Script().name("mx.d" + i + ".bench").countOnly();
                if (variant.contains("STARTTLS")) {
                    script.tls(TestCertificate.forNames("mx.d" + i + ".bench").serverContext());
                }
                sinks.add(bed.server(ip, script));
            }
            RelayConfig.Builder config = bed.config().commandTimeout(Duration.ofSeconds(30))
                    .dataDoneTimeout(Duration.ofSeconds(30)).cachePerHost(threads);
            if (variant.contains("no connection reuse")) {
                config.idleTime(Duration.ZERO);
            }
            SmtpTransport transport = bed.transport(config);
            send(transport, Math.min(1000, messages), threads, hosts, content);
            long start = System.nanoTime();
            int failed = send(transport, messages, threads, hosts, content);
            double seconds = (System.nanoTime() - start) / 1e9;
            int connections = sinks.stream().mapToInt(ScriptedSmtpServer::connections).sum();
            System.out.printf(Locale.ROOT, "%-28s %8.0f msg/s  (%d in %.2f s, %d not delivered, %d connections)%n",
                    variant, messages / seconds, messages, seconds, failed, connections);
        }
    }

    private static int send(SmtpTransport transport, int count, int threads, int hosts, byte[] content) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger failed = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String rcpt = "user" + i + "@d" + (i % hosts) + ".bench";
                futures.add(pool.submit(() -> {
                    OutboundMessage m = RelayTestBed.message(content, null, false, Map.of(), rcpt);
                    for (DeliveryResult r : transport.deliver(m)) {
                        if (r.status() != DeliveryResult.Status.DELIVERED) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return failed.get();
    }

    private static byte[] content(int size) {
        StringBuilder b = new StringBuilder("From: alice@origin.test\r\nTo: bob@bench\r\nSubject: bench\r\n\r\n");
        while (b.length() < size) {
            b.append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

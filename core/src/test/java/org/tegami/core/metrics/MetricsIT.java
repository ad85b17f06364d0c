package org.tegami.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tegami.api.Authenticator.AuthResult;
import org.tegami.api.Connection;
import org.tegami.api.Envelope;
import org.tegami.api.ListenerSpec;
import org.tegami.api.MailAddress;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.Recipient;
import org.tegami.api.ServerContext;
import org.tegami.core.cli.CliContext;
import org.tegami.core.cli.Main;
import org.tegami.testing.TestServer;

/**
 * A real server with {@code metrics.listen} set: mail goes in through a protocol session and
 * through the sendmail command, is delivered to a Maildir, and {@code /metrics}, scraped over
 * HTTP, shows it.
 */
class MetricsIT {

    /** A sample line of the text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\""
                    + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\")*\\})?) (\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void countsWhatAServerDidAndServesItOverHttp() throws Exception {
        SubmitHandler handler = new SubmitHandler();
        try (TestServer server = TestServer.builder().extension("submit", handler)
                .config("metrics.listen", "127.0.0.1:0").user("alice@localhost", "secret").start()) {
            int metricsPort = server.tegami().metricsAddress().orElseThrow().getPort();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port("submit"))) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
                assertEquals("+ready", in.readLine());
                assertEquals("-no", command(in, out, "LOGIN alice@localhost guessed"));
                assertEquals("+ok", command(in, out, "LOGIN alice@localhost secret"));
                assertTrue(command(in, out, "SEND alice@localhost").startsWith("+queued "));
                assertEquals(1, scrape(metricsPort).get("tegami_connections_open{listener=\"submit\"}"),
                        "the session is still open");
                assertEquals("+bye", command(in, out, "QUIT"));
            }
            assertEquals(0, sendmail(server.confDir(), "Subject: via sendmail\n\nhello\n", "alice@localhost"));
            server.awaitMessages("alice@localhost", 2, Duration.ofSeconds(20));

            Map<String, Double> m = scrapeUntil(metricsPort,
                    s -> s.getOrDefault("tegami_recipients_total{result=\"delivered\"}", 0.0) >= 2
                            && s.getOrDefault("tegami_connections_open{listener=\"submit\"}", 1.0) == 0
                            && s.getOrDefault("tegami_queue_entries", 1.0) == 0);

            assertEquals(1, m.get("tegami_messages_accepted_total{source=\"smtp\"}"));
            assertEquals(1, m.get("tegami_messages_accepted_total{source=\"incoming\"}"));
            assertEquals(0, m.get("tegami_messages_accepted_total{source=\"bounce\"}"));
            assertEquals(2, m.get("tegami_recipients_total{result=\"delivered\"}"));
            assertEquals(0, m.get("tegami_recipients_total{result=\"bounced\"}"));
            assertEquals(2, m.get("tegami_delivery_latency_seconds_count"));
            assertEquals(2, m.get("tegami_delivery_latency_seconds_bucket{le=\"+Inf\"}"));
            assertTrue(m.get("tegami_delivery_latency_seconds_sum") > 0);
            assertEquals(1, m.get("tegami_auth_attempts_total{result=\"failure\"}"));
            assertEquals(1, m.get("tegami_auth_attempts_total{result=\"success\"}"));
            assertEquals(0, m.get("tegami_auth_lockouts_total"));
            assertEquals(1, m.get("tegami_connections_opened_total{listener=\"submit\"}"));
            assertEquals(0, m.get("tegami_connections_refused_total{listener=\"submit\",reason=\"total_limit\"}"));
            assertEquals(0, m.get("tegami_queue_oldest_age_seconds"));
            assertTrue(m.get("tegami_uptime_seconds") > 0);
            assertTrue(m.get("tegami_jvm_heap_used_bytes") > 0);
            if (m.containsKey("tegami_process_open_fds")) {
                assertTrue(m.get("tegami_process_open_fds") > 0);
            }
        }
    }

    @Test
    void theEndpointIsOffUnlessConfigured() throws Exception {
        try (TestServer server = TestServer.builder().start()) {
            assertTrue(server.tegami().config().metricsListen().isEmpty());
            assertTrue(server.tegami().metricsAddress().isEmpty());
        }
    }

    @Test
    void aBusyMetricsPortStopsTheStartNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class, () -> TestServer.builder()
                    .config("metrics.listen", "127.0.0.1:" + taken.getLocalPort()).start().close());
            assertTrue(e.getMessage().contains("(metrics.listen)"), e.getMessage());
        }
    }

    private static String command(BufferedReader in, Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        return in.readLine();
    }

    private static int sendmail(Path confDir, String message, String... recipients) {
        List<String> argv = new java.util.ArrayList<>(List.of("--conf", confDir.toString(), "sendmail"));
        argv.addAll(List.of(recipients));
        CliContext ctx = new CliContext(confDir, new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        return Main.run(argv, ctx);
    }

    /** Scrapes {@code /metrics} and checks that every line is a comment or a well-formed sample. */
    private Map<String, Double> scrape(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(TextEncoder.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        Map<String, Double> samples = new LinkedHashMap<>();
        String lastType = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("# HELP ")) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                lastType = line.split(" ")[2];
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not a sample line: " + line);
            assertTrue(lastType != null && sample.group(1).startsWith(lastType), "sample outside its family: " + line);
            samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return samples;
    }

    /** Scrapes until the samples satisfy {@code done} (counting happens right after the delivery). */
    private Map<String, Double> scrapeUntil(int port, Predicate<Map<String, Double>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Double> samples = scrape(port);
        while (!done.test(samples)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics did not settle: " + samples);
            }
            Thread.sleep(200);
            samples = scrape(port);
        }
        return samples;
    }

    /**
     * A line protocol for the test: {@code LOGIN user password} through the server's
     * authenticator, {@code SEND recipient} through its intake, {@code QUIT}.
     */
    static final class SubmitHandler implements ProtocolHandler {

        private volatile ServerContext context;

        @Override
        public void start(ServerContext context) {
            this.context = context;
        }

        @Override
        public List<ListenerSpec> listeners() {
            return List.of(new ListenerSpec("submit", "127.0.0.1:0", false));
        }

        @Override
        public void serve(Connection connection) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.input(), StandardCharsets.US_ASCII));
            OutputStream out = connection.output();
            reply(out, "+ready");
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "LOGIN" -> {
                        AuthResult r = context.authenticator().authenticate(words[1], words[2],
                                connection.remoteAddress().getAddress());
                        reply(out, r instanceof AuthResult.Success ? "+ok" : "-no");
                    }
                    case "SEND" -> {
                        Envelope envelope = new Envelope(MailAddress.parse("bob@example.com"),
                                List.of(Recipient.of(MailAddress.parse(words[1]))), Map.of(),
                                new Envelope.Origin("ESMTPA", "client.test", "127.0.0.1", "alice@localhost"));
                        InputStream message = new ByteArrayInputStream(
                                "Subject: via a session\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
                        reply(out, "+queued " + context.intake().accept(envelope, message));
                    }
                    case "QUIT" -> {
                        reply(out, "+bye");
                        return;
                    }
                    default -> reply(out, "-what");
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}

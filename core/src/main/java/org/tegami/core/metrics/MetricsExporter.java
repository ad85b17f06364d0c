package org.tegami.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Serves {@code GET /metrics} over plain HTTP with the JDK's built-in server: the body comes
 * from a supplier (normally {@link TextEncoder} over a registry snapshot) at every request.
 * Other paths get 404, other methods 405 (RFC 9110 15.5.5, 15.5.6). No authentication:
 * bind it to loopback or a management network. One thread answers requests in turn.
 */
public final class MetricsExporter implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("metrics");
    private static final String PATH = "/metrics";

    private final HttpServer server;
    private final ExecutorService thread;
    private final Supplier<String> body;

    private MetricsExporter(HttpServer server, ExecutorService thread, Supplier<String> body) {
        this.server = server;
        this.thread = thread;
        this.body = body;
    }

    /**
     * Binds {@code address} (port 0 picks a free port) and starts serving.
     *
     * @param body the exposition text, made per request on the server's thread
     * @throws IOException when the address cannot be bound
     */
    public static MetricsExporter start(InetSocketAddress address, Supplier<String> body) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        MetricsExporter exporter = new MetricsExporter(server, thread, body);
        server.createContext("/", exporter::handle);
        server.setExecutor(thread);
        server.start();
        LOG.info("serving metrics on http://{}{}", describe(exporter.address()), PATH);
        return exporter;
    }

    /** The address actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found; metrics are at " + PATH + "\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            } else {
                String text;
                try {
                    text = body.get();
                } catch (RuntimeException e) {
                    LOG.error("metrics could not be collected: {}", e.toString());
                    respond(exchange, 500, "text/plain; charset=utf-8", "metrics could not be collected\n");
                    return;
                }
                respond(exchange, 200, TextEncoder.CONTENT_TYPE, text);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String describe(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Stops serving at once; a scrape in progress is cut off. */
    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
        LOG.info("metrics endpoint stopped");
    }
}

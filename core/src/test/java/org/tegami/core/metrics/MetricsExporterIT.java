package org.tegami.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsExporterIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger scrapes = new AtomicInteger();
    private MetricsExporter exporter;

    @BeforeEach
    void start() throws IOException {
        exporter = MetricsExporter.start(new InetSocketAddress("127.0.0.1", 0),
                () -> "t_scrapes_total " + scrapes.incrementAndGet() + "\n");
    }

    @AfterEach
    void stop() {
        exporter.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheBodyFreshAtEveryGet() throws Exception {
        HttpResponse<String> first = send("GET", "/metrics");
        assertEquals(200, first.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", first.headers().firstValue("Content-Type").orElse(""));
        assertEquals("t_scrapes_total 1\n", first.body());
        assertEquals("t_scrapes_total 2\n", send("GET", "/metrics?x=1").body());
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertEquals(404, send("GET", "/").statusCode());
        assertEquals(404, send("GET", "/metrics/").statusCode());
        assertEquals(404, send("GET", "/metricsx").statusCode());
        assertEquals(404, send("POST", "/other").statusCode());
        assertEquals(0, scrapes.get());
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            HttpResponse<String> r = send(method, "/metrics");
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET", r.headers().firstValue("Allow").orElse(""), method);
        }
        assertEquals(0, scrapes.get());
    }

    @Test
    void aFailingCollectionIsAPlain500() throws Exception {
        try (MetricsExporter broken = MetricsExporter.start(new InetSocketAddress("127.0.0.1", 0), () -> {
            throw new IllegalStateException("secret internals");
        })) {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + broken.address().getPort() + "/metrics")).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(500, r.statusCode());
            assertTrue(!r.body().contains("secret") && !r.body().contains("Exception"), r.body());
        }
    }

    @Test
    void closedMeansTheSocketIsGone() throws Exception {
        int port = exporter.address().getPort();
        exporter.close();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        assertThrows(ConnectException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        exporter = MetricsExporter.start(new InetSocketAddress("127.0.0.1", 0), () -> "");
    }
}

package org.tegami.smtp.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.tegami.testing.TestServer;

/** Reads a test server's metrics endpoint over HTTP (the server needs {@code metrics.listen}). */
final class Scrape {

    private Scrape() {
    }

    /** The exposition text of {@code /metrics}. */
    static String metrics(TestServer server) throws Exception {
        int port = server.tegami().metricsAddress().orElseThrow().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode());
        }
        return response.body();
    }
}

package org.tegami.smtp.wire;

import org.tegami.smtp.SmtpService;
import org.tegami.testing.TestServer;
import org.tegami.tls.TlsService;

/**
 * Two real servers (core with the SMTP and TLS plugins, port 0) for wire tests, both for the
 * local domain {@code test} with users alice (password {@code secret}), bob and postmaster, and
 * small limits: 100 kB messages, 5 recipients, 10 refused commands, 20 junk commands.
 * Transcripts name endpoints: {@code smtp}, {@code submission} and {@code smtps} on the first,
 * which offers AUTH in clear text to loopback clients; {@code smtp-remote} and
 * {@code submission-remote} on the second, which does not, so loopback clients are treated as
 * remote ones.
 */
final class WireServers implements AutoCloseable {

    private final TestServer local;
    private final TestServer remote;

    WireServers() throws Exception {
        local = start(true);
        try {
            remote = start(false);
        } catch (Exception e) {
            local.close();
            throw e;
        }
    }

    /** One server with the test domain, users and limits. */
    static TestServer start(boolean authOnLoopback, String... config) throws Exception {
        TestServer.Builder b = TestServer.builder().withoutTls()
                .extension("tls", new TlsService())
                .extension("smtp", new SmtpService())
                .config("domains", "test")
                .config("smtp.max-size", "100000")
                .config("smtp.max-recipients", "5")
                .config("smtp.max-bad-commands", "10")
                .config("smtp.max-junk-commands", "20")
                .config("smtp.auth-on-loopback", Boolean.toString(authOnLoopback))
                .user("alice@test", "secret")
                .user("bob@test", "hunter2")
                .user("postmaster@test", "pm");
        for (int i = 0; i + 1 < config.length; i += 2) {
            b.config(config[i], config[i + 1]);
        }
        return b.start();
    }

    TestServer local() {
        return local;
    }

    TestServer remote() {
        return remote;
    }

    /** The port of an endpoint: smtp, submission, smtps, smtp-remote, submission-remote. */
    int port(String endpoint) {
        return endpoint.endsWith("-remote")
                ? remote.port(endpoint.substring(0, endpoint.length() - "-remote".length()))
                : local.port(endpoint);
    }

    @Override
    public void close() {
        local.close();
        remote.close();
    }
}

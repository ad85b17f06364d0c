package org.tegami.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.api.RouteDecision;
import org.tegami.core.maildir.MaildirDelivery;
import org.tegami.core.maildir.MaildirStore;

/**
 * A mail root in a test's temporary folder with a {@link MaildirStore} (rescanning every 200 ms)
 * and a {@link MaildirDelivery} sharing it, plus a way to deliver a message in one line.
 */
public final class TempMaildir implements AutoCloseable {

    private final Path root;
    private final Path spool;
    private final MaildirStore store;
    private final MaildirDelivery delivery;
    private final Map<String, Long> quotas = new ConcurrentHashMap<>();
    private final AtomicInteger keys = new AtomicInteger();

    public TempMaildir(Path dir) throws IOException {
        this.root = dir.resolve("mail");
        this.spool = dir.resolve("spool");
        Files.createDirectories(root);
        Files.createDirectories(spool);
        this.store = new MaildirStore(root, "test.example", Clock.systemUTC(), Duration.ofMillis(200));
        this.delivery = new MaildirDelivery(store, user -> quotas.getOrDefault(user, 0L));
    }

    public Path root() {
        return root;
    }

    public MaildirStore store() {
        return store;
    }

    public MaildirDelivery delivery() {
        return delivery;
    }

    public void quota(String user, long bytes) {
        quotas.put(user, bytes);
    }

    /** A spooled message file with CRLF line ends made from text with LF line ends. */
    public Path spoolFile(String text) throws IOException {
        Path f = spool.resolve("msg" + keys.incrementAndGet());
        Files.writeString(f, text.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
        return f;
    }

    /** Delivers text (LF line ends) from sender@example.org to the user's folder. */
    public DeliveryResult deliver(String user, String folder, String text) throws IOException {
        return deliver("k" + keys.incrementAndGet(), user, folder, text, Instant.now());
    }

    public DeliveryResult deliver(String key, String user, String folder, String text, Instant arrival)
            throws IOException {
        MailAddress rcpt = MailAddress.parse(user.contains("@") ? user : user + "@localhost");
        Envelope env = new Envelope(MailAddress.parse("sender@example.org"), List.of(Recipient.of(rcpt)), Map.of(), null);
        return delivery.deliver(key, env, rcpt, new RouteDecision.Deliver(user, folder), spoolFile(text), arrival);
    }

    @Override
    public void close() {
        store.close();
    }
}

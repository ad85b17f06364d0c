package org.tegami.core.metrics;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The server's own metrics ({@code docs/metrics.md} lists them): core's subsystems get this
 * object through their constructors and report events to it. Every method is a lock-free
 * increment of a series looked up in advance, so calling it per connection, message or
 * recipient costs next to nothing. Thread-safe.
 */
public final class ServerMetrics {

    /** Delivery latency buckets, seconds: from a local Maildir write to a slow remote retry. */
    static final double[] LATENCY_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};

    private final MetricsRegistry registry;
    private final Family<Counter> connectionsOpened;
    private final Family<Gauge> connectionsOpen;
    private final Family<Counter> connectionsRefused;
    private final Counter[] accepted = new Counter[MessageSource.values().length];
    private final Counter delivered;
    private final Counter relayed;
    private final Counter deferred;
    private final Counter bounced;
    private final Histogram latency;
    private final Counter authSuccess;
    private final Counter authFailure;
    private final Counter authLockedOut;
    private final Counter authUnavailable;
    private final Counter lockouts;

    /** Registers the server's metrics in {@code registry}; the uptime counts from now. */
    public ServerMetrics(MetricsRegistry registry) {
        this.registry = registry;
        connectionsOpened = registry.counter("tegami_connections_opened_total",
                "Connections admitted, by listener.", "listener");
        connectionsOpen = registry.gauge("tegami_connections_open", "Connections open now, by listener.", "listener");
        connectionsRefused = registry.counter("tegami_connections_refused_total",
                "Connections turned away at a connection limit, by listener and limit.", "listener", "reason");
        Family<Counter> messages = registry.counter("tegami_messages_accepted_total",
                "Messages stored durably in the spool, by where they came from.", "source");
        for (MessageSource s : MessageSource.values()) {
            accepted[s.ordinal()] = messages.labels(s.label());
        }
        Family<Counter> recipients = registry.counter("tegami_recipients_total",
                "Recipients settled by a delivery attempt, by result; a deferral counts once per attempt.", "result");
        delivered = recipients.labels("delivered");
        relayed = recipients.labels("relayed");
        deferred = recipients.labels("deferred");
        bounced = recipients.labels("bounced");
        latency = registry.histogram("tegami_delivery_latency_seconds",
                "Seconds from acceptance into the spool to final delivery, per delivered or relayed recipient.",
                LATENCY_BUCKETS).labels();
        Family<Counter> auth = registry.counter("tegami_auth_attempts_total",
                "Password checks of all protocols, by result.", "result");
        authSuccess = auth.labels("success");
        authFailure = auth.labels("failure");
        authLockedOut = auth.labels("locked_out");
        authUnavailable = auth.labels("unavailable");
        lockouts = registry.counter("tegami_auth_lockouts_total",
                "Client addresses locked out after too many failed logins.").labels();
        ProcessMetrics.register(registry, System.nanoTime());
    }

    /** Metrics nobody scrapes, for code run without a server (tests, command-line tools). */
    public static ServerMetrics unexported() {
        return new ServerMetrics(new MetricsRegistry());
    }

    public MetricsRegistry registry() {
        return registry;
    }

    /** The view extensions get ({@link org.tegami.api.ServerContext#metrics()}): counters only. */
    public org.tegami.api.Metrics forExtensions() {
        return (name, help, labelNames) -> {
            Family<Counter> family = registry.sharedCounter(name, help, labelNames);
            return labelValues -> family.labels(labelValues).inc();
        };
    }

    /** The exposition text of everything registered, for {@link MetricsExporter}. */
    public String exposition() {
        return TextEncoder.encode(registry.snapshot());
    }

    /** The connection metrics of a listener; look them up once, at bind time. */
    public ListenerMetrics listener(String name) {
        return new ListenerMetrics(connectionsOpened.labels(name), connectionsOpen.labels(name),
                connectionsRefused.labels(name, "total_limit"), connectionsRefused.labels(name, "address_limit"));
    }

    /** A message was committed to the spool. */
    public void accepted(MessageSource source) {
        accepted[source.ordinal()].inc();
    }

    /**
     * A recipient reached its final delivered state.
     *
     * @param viaTransport whether a copy left through a transport (relayed) rather than locally
     * @param sinceArrival time from acceptance into the spool until now
     */
    public void delivered(boolean viaTransport, Duration sinceArrival) {
        (viaTransport ? relayed : delivered).inc();
        latency.observe(Math.max(0, sinceArrival.toNanos()) / 1e9);
    }

    /** A delivery attempt left a recipient for a later retry. */
    public void deferred() {
        deferred.inc();
    }

    /** A recipient failed permanently or expired (its sender is notified unless it asked not to be). */
    public void bounced() {
        bounced.inc();
    }

    public void authSucceeded() {
        authSuccess.inc();
    }

    public void authFailed() {
        authFailure.inc();
    }

    /** A login refused without a check because its address is locked out. */
    public void authRefusedLockedOut() {
        authLockedOut.inc();
    }

    /** A login not checked because the user directory could not be read. */
    public void authUnavailable() {
        authUnavailable.inc();
    }

    /** A client address was just locked out. */
    public void lockedOut() {
        lockouts.inc();
    }

    /**
     * Registers the queue gauges, read at scrape time; the suppliers must be cheap (see
     * {@code SpoolCensus}, which caches). Call once.
     */
    public void watchQueue(DoubleSupplier entries, DoubleSupplier oldestAgeSeconds) {
        registry.computedGauge("tegami_queue_entries", "Messages in the queue, waiting or being delivered.", entries);
        registry.computedGauge("tegami_queue_oldest_age_seconds",
                "Age in seconds of the oldest message in the queue; 0 when it is empty.", oldestAgeSeconds);
    }
}

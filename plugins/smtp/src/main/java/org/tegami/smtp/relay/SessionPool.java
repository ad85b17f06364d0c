package org.tegami.smtp.relay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Keeps finished sessions open for a short while so the next message to the same
 * {@link Target} skips the connect, greeting, EHLO and TLS handshake. A session is lent to one
 * delivery at a time; a reused one is first checked with RSET (RFC 5321 4.1.1.5). Idle sessions
 * are closed with QUIT after {@link RelayConfig#idleTime()} by the transport's timer thread.
 * Thread-safe: the spool's workers borrow and return sessions concurrently.
 */
public final class SessionPool implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("relay");
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(30);

    private final RelayConfig config;
    private final SessionSetup setup;
    private final Map<Target, Deque<ClientSession>> idle = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final ScheduledFuture<?> reaper;
    private volatile boolean closed;

    /**
     * @param timer runs the idle check; owned by the caller
     */
    public SessionPool(RelayConfig config, SessionSetup setup, ScheduledExecutorService timer) {
        this.config = config;
        this.setup = setup;
        long period = Math.max(50, config.idleTime().toMillis() / 2);
        reaper = config.idleTime().isZero() ? null
                : timer.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** An idle session for this target that still answers, or a newly opened one. */
    public ClientSession borrow(Target target) throws HostFailure {
        Deque<ClientSession> sessions = idle.get(target);
        ClientSession session;
        while (sessions != null && (session = sessions.pollFirst()) != null) {
            if (stillWorks(session)) {
                reused.incrementAndGet();
                return session;
            }
        }
        try {
            return opened(setup.open(target, true));
        } catch (SessionSetup.TlsFallback e) {
            // RFC 7435 opportunistic security: a failed handshake falls back to plain text, as MTAs do.
            LOG.info("{}: TLS handshake failed ({}), retrying without TLS", target.describe(), e.getMessage());
            try {
                return opened(setup.open(target, false));
            } catch (SessionSetup.TlsFallback impossible) {
                throw new IllegalStateException("TLS attempted on a plain-text retry", impossible);
            }
        }
    }

    private ClientSession opened(ClientSession session) {
        opened.incrementAndGet();
        return session;
    }

    private boolean stillWorks(ClientSession session) {
        try {
            // A quick probe: a connection idle for seconds either answers at once or is gone.
            Duration probe = config.commandTimeout().compareTo(PROBE_LIMIT) < 0 ? config.commandTimeout() : PROBE_LIMIT;
            RemoteReply reply = session.command("RSET", probe);
            if (reply.code() == 250) {
                return true;
            }
            session.quit();
        } catch (IOException e) {
            LOG.debug("{}: cached connection gone: {}", session.target().describe(), e.getMessage());
            session.close();
        }
        return false;
    }

    /** Returns a session after a clean transaction; it is kept or closed. */
    public void giveBack(ClientSession session) {
        if (closed || config.idleTime().isZero() || config.cachePerHost() == 0) {
            session.quit();
            return;
        }
        Deque<ClientSession> sessions = idle.computeIfAbsent(session.target(), t -> new ConcurrentLinkedDeque<>());
        if (sessions.size() >= config.cachePerHost()) {
            session.quit();
            return;
        }
        session.markIdle(System.nanoTime());
        sessions.offerFirst(session);
        if (closed && sessions.remove(session)) {
            session.quit();
        }
    }

    /** Closes sessions idle longer than the configured time. */
    void closeIdle() {
        long now = System.nanoTime();
        Duration limit = config.idleTime();
        for (Deque<ClientSession> sessions : idle.values()) {
            for (ClientSession s : sessions) {
                if (s.idleLongerThan(limit, now) && sessions.remove(s)) {
                    LOG.debug("{}: closing idle connection", s.target().describe());
                    s.quit();
                }
            }
        }
    }

    /** Connections opened so far. */
    public long openedCount() {
        return opened.get();
    }

    /** Deliveries that reused an idle connection. */
    public long reusedCount() {
        return reused.get();
    }

    /** Sessions idle right now. */
    public int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    /** Stops the reaper and closes every idle session with QUIT. */
    @Override
    public void close() {
        closed = true;
        if (reaper != null) {
            reaper.cancel(false);
        }
        List<ClientSession> all = new ArrayList<>();
        for (Deque<ClientSession> sessions : idle.values()) {
            ClientSession s;
            while ((s = sessions.pollFirst()) != null) {
                all.add(s);
            }
        }
        all.forEach(ClientSession::quit);
    }
}

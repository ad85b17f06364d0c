package org.tegami.core.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Recipient;
import org.tegami.api.RouteDecision;
import org.tegami.api.Transport;
import org.tegami.core.metrics.MessageSource;
import org.tegami.core.metrics.ServerMetrics;
import org.tegami.core.spool.DeliveryState;
import org.tegami.core.spool.QueueEntry;
import org.tegami.core.spool.QueueIds;
import org.tegami.core.spool.RecipientEntry;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.SpoolClaim;
import org.tegami.core.spool.Target;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * One delivery attempt of one claimed entry: resolves new recipients once and persists the
 * expansion, runs every due target (saving its outcome before the next, so a retry after a
 * crash repeats at most the target that was running), settles each recipient (delivered,
 * deferred with backoff, or failed), bounces failures to the sender, and removes or
 * releases the entry. Used from the worker threads; holds no per-entry state.
 */
final class EntryProcessor {

    private static final TaggedLogger LOG = Logger.tag("delivery");

    private final Spool spool;
    private final RoutingEngine routing;
    private final TargetRunner runner;
    private final Function<String, Optional<Transport>> transports;
    private final QueueSettings settings;
    private final String hostname;
    private final ServerMetrics metrics;

    EntryProcessor(Spool spool, RoutingEngine routing, TargetRunner runner,
            Function<String, Optional<Transport>> transports, QueueSettings settings, String hostname,
            ServerMetrics metrics) {
        this.spool = spool;
        this.routing = routing;
        this.runner = runner;
        this.transports = transports;
        this.settings = settings;
        this.hostname = hostname;
        this.metrics = metrics;
    }

    void process(SpoolClaim claim) throws IOException {
        if (!Files.exists(claim.messageFile())) {
            claim.moveToCorrupt("message file " + claim.messageFile() + " is missing");
            return;
        }
        long size = Files.size(claim.messageFile());
        if (claim.entry().size() >= 0 && size != claim.entry().size()) {
            // Cut off or overwritten since it was accepted: delivering it would pass on damage unnoticed.
            claim.moveToCorrupt("message file " + claim.messageFile() + " has " + size + " bytes, the envelope says "
                    + claim.entry().size());
            return;
        }
        Instant now = spool.clock().instant();
        QueueEntry e = resolve(claim, claim.entry(), now);
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < e.recipients().size(); i++) {
            if (e.recipients().get(i).isDue(now)) {
                due.add(i);
            }
        }
        Map<RouteDecision.Relay, List<int[]>> relays = new LinkedHashMap<>();
        for (int i : due) {
            List<Target> ts = e.recipients().get(i).targets();
            for (int j = 0; j < ts.size(); j++) {
                Target t = ts.get(j);
                if (t.state().isFinal()) {
                    continue;
                }
                if (t.decision() instanceof RouteDecision.Relay relay) {
                    relays.computeIfAbsent(relay, k -> new ArrayList<>()).add(new int[] {i, j});
                } else {
                    if (!isRepeatable(t.decision())) {
                        roomToRecord(claim, e);
                    }
                    DeliveryResult r = runner.run(claim, e, t);
                    e = record(claim, e, i, j, r);
                }
            }
        }
        for (Map.Entry<RouteDecision.Relay, List<int[]>> group : relays.entrySet()) {
            e = relay(claim, e, group.getKey(), group.getValue());
        }
        for (int i : due) {
            e = settle(e, i, now);
        }
        Instant settled = spool.clock().instant();
        if (e.isFinished()) {
            if (hasFailures(e)) {
                claim.save(e); // final states first: a retry after a crash then only repeats the bounce, not delivery
            }
            bounce(claim, e, now);
            claim.finish(!allRepeatable(e) || hasFailures(e));
            LOG.info("{}: removed", e.id());
        } else {
            claim.release(e);
        }
        count(e, due, settled);
    }

    /** Reports the recipients this attempt settled, once their state is on disk. */
    private void count(QueueEntry e, List<Integer> due, Instant settled) {
        for (int i : due) {
            RecipientEntry r = e.recipients().get(i);
            switch (r.state()) {
                case DELIVERED -> metrics.delivered(relayed(r), Duration.between(e.arrival(), settled));
                case DEFERRED -> metrics.deferred();
                case FAILED -> metrics.bounced();
                default -> {
                    // PENDING does not survive settle()
                }
            }
        }
    }

    /** Whether a copy of the recipient's message went out through a transport. */
    private static boolean relayed(RecipientEntry r) {
        return r.targets().stream()
                .anyMatch(t -> t.state() == DeliveryState.DELIVERED && t.decision() instanceof RouteDecision.Relay);
    }

    private QueueEntry resolve(SpoolClaim claim, QueueEntry e, Instant now) throws IOException {
        boolean changed = false;
        for (int i = 0; i < e.recipients().size(); i++) {
            RecipientEntry r = e.recipients().get(i);
            if (r.resolved() || !r.isDue(now)) {
                continue;
            }
            try {
                List<Target> targets = new ArrayList<>();
                for (Routed routed : routing.expand(r.recipient().address())) {
                    targets.add(new Target(routed.address(), routed.decision(), DeliveryState.PENDING, null));
                }
                e = e.withRecipient(i, x -> x.withTargets(targets));
                changed = true;
            } catch (RuntimeException ex) {
                LOG.warn("{}: routing {} failed: {}", e.id(), r.recipient().address().bracketed(), ex.toString());
            }
        }
        if (changed && !allRepeatable(e)) {
            claim.save(e); // the expansion is fixed from now on, also across a crash
        }
        return e;
    }

    /**
     * Whether every target may simply run again after a crash: Maildir deliveries are
     * idempotent by their delivery key, and rejects and discards have no side effect. Only
     * then can saving the entry's state be left to its next save, release or removal, which
     * spares two fsyncs per step on the common path.
     */
    private static boolean allRepeatable(QueueEntry e) {
        return e.recipients().stream().flatMap(r -> r.targets().stream()).allMatch(t -> isRepeatable(t.decision()));
    }

    private static boolean isRepeatable(RouteDecision d) {
        return d instanceof RouteDecision.Deliver || d instanceof RouteDecision.Reject
                || d instanceof RouteDecision.Discard;
    }

    private static boolean hasFailures(QueueEntry e) {
        return e.recipients().stream().flatMap(r -> r.targets().stream())
                .anyMatch(t -> t.state() == DeliveryState.FAILED);
    }

    private QueueEntry relay(SpoolClaim claim, QueueEntry e, RouteDecision.Relay relay, List<int[]> members)
            throws IOException {
        List<MailAddress> rcpts = new ArrayList<>();
        for (int[] m : members) {
            rcpts.add(target(e, m).address());
        }
        List<DeliveryResult> results;
        Optional<Transport> transport = transports.apply(relay.transport());
        if (transport.isEmpty()) {
            LOG.warn("{}: no transport named '{}'; deferred", e.id(), relay.transport());
            results = rcpts.stream().map(a -> DeliveryResult.deferred(a,
                    org.tegami.api.Reply.of(451, "4.3.5", "transport " + relay.transport() + " not available"))).toList();
        } else {
            roomToRecord(claim, e);
            try {
                long size = Files.size(claim.messageFile());
                OutboundMessage out = new OutboundMessage(e.id(), e.envelope(), rcpts, relay.nextHop(),
                        relay.requireTls(), () -> Files.newInputStream(claim.messageFile()), size);
                results = transport.get().deliver(out);
            } catch (Exception ex) {
                LOG.warn("{}: transport {} failed: {}", e.id(), relay.transport(), ex.toString());
                results = List.of();
            }
        }
        for (int[] m : members) {
            MailAddress a = target(e, m).address();
            DeliveryResult r = results.stream().filter(x -> x != null && a.equals(x.recipient())).findFirst()
                    .orElse(DeliveryResult.deferred(a, org.tegami.api.Reply.of(451, "4.4.0", "no result from transport "
                            + relay.transport())));
            e = record(claim, e, m[0], m[1], r);
        }
        return e;
    }

    /**
     * Saves the entry before a target that must not run twice (relay, pipe, file): a save that
     * fails afterwards (the spool's disk full) would leave the target to run again at every
     * retry, one duplicate each time for as long as the disk stays full. Failing here instead
     * ends the attempt before anything is sent; the entry comes back after the lease.
     */
    private static void roomToRecord(SpoolClaim claim, QueueEntry e) throws IOException {
        claim.save(e);
    }

    private static Target target(QueueEntry e, int[] m) {
        return e.recipients().get(m[0]).targets().get(m[1]);
    }

    private QueueEntry record(SpoolClaim claim, QueueEntry e, int i, int j, DeliveryResult r) throws IOException {
        DeliveryState state = switch (r.status()) {
            case DELIVERED -> DeliveryState.DELIVERED;
            case DEFERRED -> DeliveryState.DEFERRED;
            case FAILED -> DeliveryState.FAILED;
        };
        RecipientEntry rcpt = e.recipients().get(i);
        Target t = rcpt.targets().get(j).withOutcome(state, r.reply().toString());
        List<Target> ts = new ArrayList<>(rcpt.targets());
        ts.set(j, t);
        QueueEntry updated = e.withRecipient(i, x -> x.withTargets(ts));
        if (!isRepeatable(t.decision())) {
            claim.save(updated); // a pipe, file append or relay must not run twice after a crash
        }
        String orig = rcpt.recipient().address().equals(t.address()) ? "" : " orig_to=" + rcpt.recipient().address().bracketed();
        String status = switch (state) {
            case DELIVERED -> t.decision() instanceof RouteDecision.Discard ? "discarded" : "sent";
            case DEFERRED -> "deferred";
            default -> "bounced";
        };
        String relayName = r.remoteHost() != null ? r.remoteHost() : TargetRunner.describe(t.decision());
        LOG.info("{}: to={}{} relay={} status={} ({})", e.id(), t.address().bracketed(), orig, relayName, status, r.reply());
        return updated;
    }

    private QueueEntry settle(QueueEntry e, int i, Instant now) {
        RecipientEntry r = e.recipients().get(i);
        boolean expired = !now.isBefore(e.arrival().plus(settings.maxAge()));
        String deferReply = null;
        String failReply = null;
        for (Target t : r.targets()) {
            if (!t.state().isFinal() && deferReply == null) {
                deferReply = t.lastReply() == null ? "451 4.3.0 not attempted" : t.lastReply();
            } else if (t.state() == DeliveryState.FAILED && failReply == null) {
                failReply = t.lastReply();
            }
        }
        if (!r.resolved()) {
            deferReply = "451 4.3.0 routing failed temporarily";
        }
        int attempts = r.attempts() + 1;
        if (deferReply != null && !expired) {
            String d = deferReply;
            return e.withRecipient(i, x -> x.withState(DeliveryState.DEFERRED, attempts, d,
                    now.plus(settings.retryDelay(attempts))));
        }
        if (deferReply != null) {
            String last = deferReply;
            LOG.info("{}: to={} status=expired, returned to sender ({})", e.id(), r.recipient().address().bracketed(), last);
            List<Target> ts = r.targets().stream()
                    .map(t -> t.state().isFinal() ? t : t.withOutcome(DeliveryState.FAILED, last)).toList();
            return e.withRecipient(i, x -> new RecipientEntry(x.recipient(), DeliveryState.FAILED, attempts, last, null,
                    x.resolved(), ts));
        }
        if (failReply != null) {
            String f = failReply;
            return e.withRecipient(i, x -> x.withState(DeliveryState.FAILED, attempts, f, null));
        }
        return e.withRecipient(i, x -> x.withState(DeliveryState.DELIVERED, attempts, lastOf(x), null));
    }

    private static String lastOf(RecipientEntry r) {
        return r.targets().isEmpty() ? null : r.targets().get(r.targets().size() - 1).lastReply();
    }

    private void bounce(SpoolClaim claim, QueueEntry e, Instant now) throws IOException {
        List<DsnMessage.Failure> failures = new ArrayList<>();
        for (RecipientEntry r : e.recipients()) {
            if (r.state() != DeliveryState.FAILED || !r.recipient().wantsFailureNotice()) {
                continue;
            }
            boolean listed = false;
            for (Target t : r.targets()) {
                if (t.state() == DeliveryState.FAILED) {
                    failures.add(new DsnMessage.Failure(r.recipient(), t.address(), t.lastReply()));
                    listed = true;
                }
            }
            if (!listed) {
                failures.add(new DsnMessage.Failure(r.recipient(), r.recipient().address(), r.lastReply()));
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        if (e.sender().isNullSender()) {
            LOG.info("{}: no bounce for {} failed recipient(s): null sender", e.id(), failures.size());
            return;
        }
        String bounceId = QueueIds.bounceOf(e.id());
        Envelope env = new Envelope(MailAddress.NULL_SENDER, List.of(Recipient.of(e.sender())), Map.of(),
                new Envelope.Origin("local", null, null, null));
        try (InputStream dsn = DsnMessage.build(bounceId, e, failures, hostname, claim.messageFile(), now)) {
            spool.acceptOnce(bounceId, env, dsn, MessageSource.BOUNCE);
        }
        LOG.info("{}: sender non-delivery notification: {}", e.id(), bounceId);
    }
}

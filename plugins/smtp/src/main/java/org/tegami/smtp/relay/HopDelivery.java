package org.tegami.smtp.relay;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.tegami.api.DeliveryResult;
import org.tegami.api.DeliveryResult.Status;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Reply;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Delivers one message to the recipients of one next hop: resolves the hop, then tries each
 * MX host in order and each of its addresses in turn (RFC 5321 5.1) until one takes the
 * message. Host trouble moves on to the next address; replies to RCPT and DATA decide the
 * recipients. When no host could be used, every recipient left is deferred with the last
 * host's reason, or failed when every host refused for good (5xx greeting). Addresses that did
 * not answer are skipped for a while ({@link HostMemory}). Thread-safe.
 */
public final class HopDelivery {

    private static final TaggedLogger LOG = Logger.tag("relay");

    private final RelayConfig config;
    private final MxResolver resolver;
    private final SessionPool pool;
    private final MessageTransaction transaction;
    private final String selfName;
    private final HostMemory memory;

    /**
     * @param selfName this server's name: an MX host of that name is this server itself
     */
    public HopDelivery(RelayConfig config, MxResolver resolver, SessionPool pool, MessageTransaction transaction,
            String selfName) {
        this.selfName = selfName;
        this.memory = new HostMemory(config.hostDownTime());
        this.config = config;
        this.resolver = resolver;
        this.pool = pool;
        this.transaction = transaction;
    }

    /**
     * @param smarthost whether the hop is a configured next hop (credentials may apply) rather
     *     than the recipients' own domain
     * @return one result per recipient, in order
     */
    public List<DeliveryResult> deliver(OutboundMessage message, NextHop hop, List<MailAddress> recipients, boolean smarthost) {
        MxResolver.Resolution resolution = resolver.resolve(hop);
        if (resolution instanceof MxResolver.Resolution.Failed f) {
            return all(recipients, Status.FAILED, f.reply(), null);
        }
        if (resolution instanceof MxResolver.Resolution.Deferred d) {
            return all(recipients, Status.DEFERRED, d.reply(), null);
        }
        List<MxResolver.MxHost> hosts = ((MxResolver.Resolution.Hosts) resolution).hosts();
        if (hop.mxLookup()) {
            hosts = belowSelf(hosts, selfName);
            if (hosts.isEmpty()) {
                return all(recipients, Status.FAILED, Reply.of(550, "5.4.6", "mail for " + hop.host() + " loops back to myself"),
                        null);
            }
        }
        RelayCredentials.Credential credential = smarthost ? config.credentials().forSmarthost(hop).orElse(null) : null;
        boolean requireTls = message.requireTls() || credential != null;
        boolean verify = message.requireTls() || credential != null && config.verifySmarthostTls();

        List<MailAddress> pending = new ArrayList<>(recipients);
        List<DeliveryResult> results = new ArrayList<>();
        HostFailure last = null;
        Reply skipped = null;
        String lastHost = null;
        boolean allPermanent = true;
        for (MxResolver.MxHost host : hosts) {
            for (InetAddress address : host.addresses()) {
                if (pending.isEmpty()) {
                    return ordered(recipients, results);
                }
                Target target = new Target(host.name(), address, hop.port(), requireTls, verify, credential);
                Reply down = memory.downReason(address, hop.port());
                if (down != null) {
                    skipped = down;
                    continue;
                }
                try {
                    deliverTo(target, message, pending, results);
                    memory.markUp(address, hop.port());
                } catch (HostFailure failure) {
                    LOG.info("{}: {} not delivered via {}: {}", message.queueId(), hop, target.describe(), failure.reply());
                    if (failure.isUnreachable()) {
                        memory.markDown(address, hop.port(), failure.reply());
                    }
                    last = failure;
                    lastHost = host.name();
                    allPermanent &= failure.isPermanent();
                }
            }
        }
        if (!pending.isEmpty()) {
            Reply reply = last != null ? last.reply()
                    : skipped != null ? Reply.of(451, skipped.enhanced(), "delivery temporarily suspended: " + skipped.text())
                    : Reply.of(451, "4.4.4", "no address to deliver to for " + hop);
            Status status = last != null && allPermanent ? Status.FAILED : Status.DEFERRED;
            results.addAll(all(pending, status, reply, lastHost));
        }
        return ordered(recipients, results);
    }

    /** Sends to one target in batches until nothing is pending; removes what it decided. */
    private void deliverTo(Target target, OutboundMessage message, List<MailAddress> pending, List<DeliveryResult> results)
            throws HostFailure {
        while (!pending.isEmpty()) {
            ClientSession session = pool.borrow(target);
            List<MailAddress> batch = List.copyOf(pending.subList(0, Math.min(pending.size(), config.maxRecipients())));
            MessageTransaction.Outcome outcome;
            try {
                outcome = transaction.run(session, message, batch);
            } catch (HostFailure | RuntimeException e) {
                session.close();
                throw e;
            }
            if (outcome.reusable()) {
                pool.giveBack(session);
            } else {
                session.close();
            }
            results.addAll(outcome.results());
            pending.subList(0, batch.size()).clear();
            for (DeliveryResult r : outcome.results()) {
                LOG.info("{}: to=<{}> relay={} status={} ({})", message.queueId(), r.recipient(), target.describe(),
                        r.status().name().toLowerCase(java.util.Locale.ROOT), r.reply());
            }
        }
    }

    /**
     * RFC 5321 5.1: when this server is one of the MX hosts (a backup MX), only hosts of lower
     * preference than its own may be tried, or the message would come back here.
     */
    static List<MxResolver.MxHost> belowSelf(List<MxResolver.MxHost> hosts, String selfName) {
        int own = hosts.stream().filter(h -> h.name().equalsIgnoreCase(selfName))
                .mapToInt(MxResolver.MxHost::preference).min().orElse(Integer.MAX_VALUE);
        return own == Integer.MAX_VALUE ? hosts : hosts.stream().filter(h -> h.preference() < own).toList();
    }

    private static List<DeliveryResult> ordered(List<MailAddress> recipients, List<DeliveryResult> results) {
        List<DeliveryResult> out = new ArrayList<>(recipients.size());
        List<DeliveryResult> left = new ArrayList<>(results);
        for (MailAddress r : recipients) {
            for (int i = 0; i < left.size(); i++) {
                if (left.get(i).recipient().equals(r)) {
                    out.add(left.remove(i));
                    break;
                }
            }
        }
        return out;
    }

    static List<DeliveryResult> all(List<MailAddress> recipients, Status status, Reply reply, String host) {
        return recipients.stream().map(r -> new DeliveryResult(r, status, reply, host)).toList();
    }
}

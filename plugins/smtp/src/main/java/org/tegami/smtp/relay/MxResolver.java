package org.tegami.smtp.relay;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.tegami.api.Reply;
import org.tegami.smtp.dns.DnsClient;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds the servers for a {@link NextHop} with dnsjava (RFC 5321 5.1): MX records in
 * {@link MxOrder}, an implicit MX from the domain's own addresses when it has no MX, the null
 * MX of RFC 7505, and the A/AAAA addresses of each host. Answers are cached within their TTL
 * (one {@link DnsClient} per resolver). Thread-safe.
 */
public final class MxResolver {

    private static final TaggedLogger LOG = Logger.tag("relay");

    private final DnsClient dns;
    private final List<String> inetProtocols;
    private final Random random = new Random();

    /**
     * @param resolverAddress {@code host[:port]} or {@code [v6]:port} of a DNS server, or empty
     *     for the system's resolvers
     * @param timeout per query
     * @param inetProtocols {@code ipv4}/{@code ipv6} in the order addresses are listed
     * @throws UnknownHostException when the configured DNS server's name does not resolve
     */
    public MxResolver(String resolverAddress, Duration timeout, List<String> inetProtocols) throws UnknownHostException {
        this.dns = new DnsClient(resolverAddress, timeout);
        this.inetProtocols = List.copyOf(inetProtocols);
    }

    /** The outcome of a lookup. */
    public sealed interface Resolution {

        /** Servers to try, in order; each has at least one address. */
        record Hosts(List<MxHost> hosts) implements Resolution {
        }

        /** The destination will never accept mail (no such domain, null MX). */
        record Failed(Reply reply) implements Resolution {
        }

        /** DNS did not answer usefully now; try later. */
        record Deferred(Reply reply) implements Resolution {
        }
    }

    /**
     * A server to try.
     *
     * @param name its host name (or address literal)
     * @param preference its MX preference (0 for implicit MX and smarthosts)
     * @param addresses its addresses in the configured protocol order
     */
    public record MxHost(String name, int preference, List<InetAddress> addresses) {
        public MxHost {
            addresses = List.copyOf(addresses);
        }
    }

    /** Finds the servers for a next hop. */
    public Resolution resolve(NextHop hop) {
        if (hop.isAddressLiteral()) {
            try {
                return new Resolution.Hosts(List.of(new MxHost(hop.host(), 0, List.of(InetAddress.getByName(hop.host())))));
            } catch (UnknownHostException e) {
                return new Resolution.Failed(Reply.of(550, "5.1.2", "bad address literal " + hop.host()));
            }
        }
        Name name;
        try {
            name = Name.fromString(IDN.toASCII(hop.host(), IDN.ALLOW_UNASSIGNED) + ".");
        } catch (TextParseException | IllegalArgumentException e) {
            return new Resolution.Failed(Reply.of(550, "5.1.2", "invalid domain name " + hop.host()));
        }
        return hop.mxLookup() ? resolveMx(hop.host(), name) : resolveHost(hop.host(), name, true);
    }

    private Resolution resolveMx(String domain, Name name) {
        DnsClient.Answer query = dns.query(name, Type.MX);
        switch (query.result()) {
            case Lookup.SUCCESSFUL:
                break;
            case Lookup.TYPE_NOT_FOUND:
                // RFC 5321 5.1: no MX records, so the domain itself is the implicit MX.
                return resolveHost(domain, name, false);
            case Lookup.HOST_NOT_FOUND:
                return new Resolution.Failed(Reply.of(550, "5.1.2", "domain " + domain + " does not exist"));
            default:
                return dnsTrouble(domain, "MX", query);
        }
        List<MxOrder.Entry> entries = new ArrayList<>();
        for (Record r : query.records()) {
            MXRecord mx = (MXRecord) r;
            String target = mx.getTarget().equals(Name.root) ? "" : mx.getTarget().toString(true).toLowerCase(Locale.ROOT);
            entries.add(new MxOrder.Entry(target, mx.getPriority()));
        }
        if (entries.size() == 1 && entries.get(0).host().isEmpty()) {
            // RFC 7505 3: a single MX of "." says the domain accepts no mail; 4.2: reply 556 5.1.10.
            return new Resolution.Failed(Reply.of(556, "5.1.10", "domain " + domain + " accepts no mail (null MX)"));
        }
        List<MxHost> hosts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Reply lastTrouble = null;
        for (MxOrder.Entry entry : MxOrder.order(entries, random)) {
            if (entry.host().isEmpty() || !seen.add(entry.host())) {
                continue;
            }
            Resolution r = resolveHost(entry.host(), nameOf(entry.host()), false);
            if (r instanceof Resolution.Hosts found) {
                hosts.add(new MxHost(entry.host(), entry.preference(), found.hosts().get(0).addresses()));
            } else {
                lastTrouble = r instanceof Resolution.Deferred d ? d.reply() : ((Resolution.Failed) r).reply();
            }
        }
        if (hosts.isEmpty()) {
            // MX hosts without addresses: likely a broken zone that someone will fix; defer.
            return new Resolution.Deferred(Reply.of(451, "4.4.4", "no usable address for the MX hosts of " + domain
                    + (lastTrouble == null ? "" : ": " + lastTrouble.text())));
        }
        return new Resolution.Hosts(hosts);
    }

    /** The A/AAAA addresses of one host; {@code deferMissing} makes "no address" temporary. */
    private Resolution resolveHost(String host, Name name, boolean deferMissing) {
        if (name == null) {
            return new Resolution.Failed(Reply.of(550, "5.1.2", "invalid host name " + host));
        }
        List<InetAddress> addresses = new ArrayList<>();
        DnsClient.Answer trouble = null;
        for (String protocol : inetProtocols) {
            DnsClient.Answer query = dns.query(name, protocol.equals("ipv6") ? Type.AAAA : Type.A);
            int result = query.result();
            if (result == Lookup.SUCCESSFUL) {
                for (Record r : query.records()) {
                    addresses.add(r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress());
                }
            } else if (result == Lookup.TRY_AGAIN || result == Lookup.UNRECOVERABLE) {
                trouble = query;
            }
        }
        if (!addresses.isEmpty()) {
            return new Resolution.Hosts(List.of(new MxHost(host, 0, addresses)));
        }
        if (trouble != null) {
            return dnsTrouble(host, "A/AAAA", trouble);
        }
        Reply reply = Reply.of(deferMissing ? 451 : 550, deferMissing ? "4.4.4" : "5.1.2", "host " + host + " has no address");
        return deferMissing ? new Resolution.Deferred(reply) : new Resolution.Failed(reply);
    }

    private Resolution dnsTrouble(String name, String type, DnsClient.Answer query) {
        String why = dns.failure(query);
        LOG.warn("DNS lookup {} {} failed: {}", type, name, why);
        return new Resolution.Deferred(Reply.of(451, "4.4.3", "DNS lookup of " + name + " failed: " + why));
    }

    private static Name nameOf(String host) {
        try {
            return Name.fromString(host + ".");
        } catch (TextParseException e) {
            return null;
        }
    }
}

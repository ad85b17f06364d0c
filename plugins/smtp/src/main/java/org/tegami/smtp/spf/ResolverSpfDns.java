package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tegami.smtp.dns.DnsClient;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The queries of one SPF check, sent with a {@link DnsClient}, all within one time budget: RFC
 * 7208 4.6.4 lets a check stop after some 20 seconds, and an SMTP client waits for the answer.
 * Not thread-safe: one per check.
 */
public final class ResolverSpfDns implements SpfDns {

    private final DnsClient client;
    private final long deadline;
    private final Duration budget;

    public ResolverSpfDns(DnsClient client, Duration budget) {
        this.client = client;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    @Override
    public List<String> txt(String name) throws DnsFailure {
        return records(name, Type.TXT, r -> {
            StringBuilder joined = new StringBuilder();
            for (byte[] part : ((TXTRecord) r).getStringsAsByteArrays()) {
                joined.append(new String(part, StandardCharsets.ISO_8859_1));
            }
            return joined.toString();
        });
    }

    @Override
    public List<InetAddress> addresses(String name, boolean ipv6) throws DnsFailure {
        return records(name, ipv6 ? Type.AAAA : Type.A,
                r -> r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress());
    }

    @Override
    public List<String> mx(String name) throws DnsFailure {
        List<String> hosts = new ArrayList<>(records(name, Type.MX, r -> hostName(((MXRecord) r).getTarget())));
        hosts.remove(""); // RFC 7505's null MX names no host
        return hosts;
    }

    @Override
    public List<String> ptr(InetAddress address) throws DnsFailure {
        return records(ReverseMap.fromAddress(address), Type.PTR, r -> hostName(((PTRRecord) r).getTarget()));
    }

    private <T> List<T> records(String name, int type, Function<Record, T> value) throws DnsFailure {
        Name parsed;
        try {
            parsed = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            // Not a name DNS can carry: no server could have records for it.
            return List.of();
        }
        return records(parsed, type, value);
    }

    private <T> List<T> records(Name name, int type, Function<Record, T> value) throws DnsFailure {
        if (System.nanoTime() - deadline > 0) {
            throw new DnsFailure("SPF check took longer than " + budget.toSeconds() + " s");
        }
        DnsClient.Answer answer = client.query(name, type);
        if (answer.empty()) {
            return List.of();
        }
        if (!answer.successful()) {
            throw new DnsFailure(Type.string(type) + " lookup of " + name.toString(true) + ": " + client.failure(answer));
        }
        List<T> values = new ArrayList<>(answer.records().length);
        for (Record r : answer.records()) {
            if (r.getType() == type) {
                values.add(value.apply(r));
            }
        }
        return values;
    }

    private static String hostName(Name name) {
        return name.equals(Name.root) ? "" : name.toString(true).toLowerCase(Locale.ROOT);
    }
}

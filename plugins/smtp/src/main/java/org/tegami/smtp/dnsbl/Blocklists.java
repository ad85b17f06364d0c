package org.tegami.smtp.dnsbl;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.tegami.smtp.dns.DnsClient;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks a client up in the blocklist zones, in order. A list that does not answer (time-out,
 * server failure) or answers with an error code counts as not listing the client: a broken list
 * must not stop the mail (logged as a warning). Thread-safe.
 */
public final class Blocklists {

    /** No lists. */
    public static final Blocklists NONE = new Blocklists(List.of(), null);

    private static final TaggedLogger LOG = Logger.tag("smtp");

    private final List<String> zones;
    private final DnsClient dns;

    /**
     * @param zones the lists' zones, asked in this order
     * @param dns the client to ask with
     */
    public Blocklists(List<String> zones, DnsClient dns) {
        this.zones = List.copyOf(zones);
        this.dns = dns;
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }

    /** The first list that lists the client, if any. */
    public Optional<Listing> lookUp(InetAddress client) {
        for (String zone : zones) {
            Optional<Listing> listing = lookUp(client, zone);
            if (listing.isPresent()) {
                return listing;
            }
        }
        return Optional.empty();
    }

    private Optional<Listing> lookUp(InetAddress client, String zone) {
        Name name;
        try {
            name = Name.fromString(BlocklistQuery.name(client, zone) + ".");
        } catch (TextParseException e) {
            LOG.warn("DNS blocklist {}: not a usable zone name ({})", zone, e.getMessage());
            return Optional.empty();
        }
        DnsClient.Answer answer = dns.query(name, Type.A);
        if (answer.empty()) {
            return Optional.empty();
        }
        if (!answer.successful()) {
            LOG.warn("DNS blocklist {} did not answer for {}: {}", zone, client.getHostAddress(), dns.failure(answer));
            return Optional.empty();
        }
        for (Record r : answer.records()) {
            if (r instanceof ARecord a) {
                if (BlocklistQuery.lists(a.getAddress())) {
                    return Optional.of(new Listing(zone, a.getAddress().getHostAddress(), reason(name)));
                }
                LOG.warn("DNS blocklist {} answered {} for {}: an error code, not a listing (a public resolver "
                        + "that the list refuses?)", zone, a.getAddress().getHostAddress(), client.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** The list's TXT text for the entry (RFC 5782 2.1), made printable and short, or empty. */
    private String reason(Name name) {
        DnsClient.Answer answer = dns.query(name, Type.TXT);
        if (!answer.successful()) {
            return "";
        }
        for (Record r : answer.records()) {
            if (r instanceof TXTRecord txt) {
                StringBuilder text = new StringBuilder();
                for (byte[] part : txt.getStringsAsByteArrays()) {
                    for (byte c : part) {
                        text.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
                    }
                }
                return text.length() > 200 ? text.substring(0, 200) : text.toString();
            }
        }
        return "";
    }
}

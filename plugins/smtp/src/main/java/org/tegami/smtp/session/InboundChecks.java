package org.tegami.smtp.session;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.tegami.smtp.dns.DnsClient;
import org.tegami.smtp.dnsbl.Blocklists;
import org.tegami.smtp.spf.AddressBlock;
import org.tegami.smtp.spf.SpfGate;
import org.tegami.smtp.spf.SpfVerdict;

/**
 * The checks of mail from other servers, that is from clients of the MX listener that have not
 * logged in: DNS blocklists, then SPF, both at MAIL FROM. Logged-in clients are vouched for by
 * their login; clients in {@code smtp.check-exempt} skip both checks.
 *
 * @param exempt clients not checked
 * @param spf the SPF check
 * @param blocklists the DNS blocklists
 * @param counters where results are counted
 */
public record InboundChecks(List<AddressBlock> exempt, SpfGate spf, Blocklists blocklists, InboundCounters counters) {

    /** No checks (tests, embedding). */
    public static final InboundChecks NONE = new InboundChecks(List.of(), SpfGate.OFF, Blocklists.NONE,
            InboundCounters.NONE);

    public InboundChecks {
        exempt = List.copyOf(exempt);
    }

    /** The checks the settings ask for, asking the DNS through {@code dns}. */
    public static InboundChecks of(InboundSettings settings, DnsClient dns, InboundCounters counters) {
        return new InboundChecks(settings.exempt(), SpfGate.resolving(settings.spf(), dns),
                settings.dnsbl().isEmpty() ? Blocklists.NONE : new Blocklists(settings.dnsbl(), dns), counters);
    }

    /**
     * Checks the SPF record of a sender, counting the result; empty when SPF is off. The null
     * sender checks the HELO name (RFC 7208 2.4).
     */
    public Optional<SpfVerdict> checkSpf(SessionContext session, String mailFrom) {
        Optional<SpfVerdict> verdict = spf.check(session.clientAddress(), mailFrom, session.heloName(),
                session.server().hostname());
        verdict.ifPresent(v -> counters.spf(mailFrom.isEmpty() ? "helo" : "mailfrom", v.result()));
        return verdict;
    }

    /** Checks the HELO identity (RFC 7208 2.3), counting the result; empty when SPF is off. */
    Optional<SpfVerdict> checkHelo(SessionContext session) {
        return checkSpf(session, "");
    }

    /** Whether this session's mail is checked. */
    public boolean cover(SessionContext session) {
        InetAddress client = session.clientAddress();
        return session.role() == ListenerRole.MX && !session.authenticated() && client != null
                && exempt.stream().noneMatch(b -> b.contains(client));
    }
}

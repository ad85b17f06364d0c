package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;

import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The SPF check of RFC 7208 over an injected {@link SpfDns}. Thread-safe: each call of
 * {@link #check} keeps its own lookup counts. It never throws: every outcome, DNS failures and
 * broken records included, is an {@link SpfVerdict} whose reason is short printable US-ASCII.
 */
public final class SpfChecker {

    /** The reason when the check itself went wrong (a bug, or a DNS layer that threw). */
    static final String INTERNAL_ERROR = "internal error during the SPF check";

    private static final TaggedLogger LOG = Logger.tag("spf");

    private final SpfDns dns;
    private final Clock clock;

    public SpfChecker(SpfDns dns) {
        this(dns, Clock.systemUTC());
    }

    SpfChecker(SpfDns dns, Clock clock) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * check_host() of RFC 7208 section 4 for one SMTP transaction.
     *
     * @param client the SMTP client's address (an IPv4-mapped IPv6 address counts as IPv4)
     * @param mailFrom the MAIL FROM reverse-path without brackets, "" for the null sender
     *     (then "postmaster@" + heloName is checked, section 2.4)
     * @param heloName the EHLO/HELO argument (for %{h} and the null sender)
     * @param receiver this server's host name (for %{r})
     * @return the verdict, never null
     */
    public SpfVerdict check(InetAddress client, String mailFrom, String heloName, String receiver) {
        SpfVerdict verdict;
        try {
            verdict = run(client, mailFrom == null ? "" : mailFrom, heloName == null ? "" : heloName,
                    receiver == null ? "" : receiver);
        } catch (RuntimeException e) {
            LOG.error(e, "SPF check failed for client {}", client);
            verdict = new SpfVerdict(SpfResult.TEMPERROR, "", INTERNAL_ERROR);
        }
        LOG.debug("{} for {} from {}: {}", verdict.result().keyword(), verdict.domain(), client, verdict.reason());
        return verdict;
    }

    private SpfVerdict run(InetAddress client, String mailFrom, String helo, String receiver) {
        // 2.4: the null sender is checked as postmaster@<HELO name>
        String from = mailFrom.isEmpty() ? "postmaster@" + helo : mailFrom;
        int at = from.lastIndexOf('@');
        // 4.3: a missing local part is "postmaster"
        String local = at <= 0 ? "postmaster" : from.substring(0, at);
        String domain = DomainNames.normalizeHost(at < 0 ? from : from.substring(at + 1));
        if (domain == null) {
            return verdict(SpfResult.NONE, "", "no valid domain to check"); // 4.3: no DNS query
        }
        if (client == null) {
            return verdict(SpfResult.NONE, domain, "no client address");
        }
        Lookups lookups = new Lookups(dns);
        HostMatcher hosts = new HostMatcher(lookups, client);
        byte[] address = IpBytes.of(client);
        MacroContext context = new MacroContext(local + "@" + domain, local, domain, address, helo, receiver,
                clock.instant().getEpochSecond(), d -> {
                    lookups.countTerm(); // %{p} queries DNS like a ptr mechanism
                    return hosts.validatedName(d);
                });
        CheckHost checkHost = new CheckHost(lookups, hosts, new MacroExpander(context), address);
        try {
            CheckHost.Outcome outcome = checkHost.check(domain, true);
            return verdict(outcome.result(), domain, outcome.reason());
        } catch (SpfException e) {
            return verdict(e.result(), domain, e.getMessage());
        }
    }

    private static SpfVerdict verdict(SpfResult result, String domain, String reason) {
        return new SpfVerdict(result, domain, DomainNames.printable(reason, Explanation.MAX_LENGTH));
    }
}

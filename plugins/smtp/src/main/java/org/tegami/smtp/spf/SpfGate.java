package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tegami.smtp.dns.DnsClient;

/**
 * Runs the SPF check of incoming mail where the policy asks for it and says whether a result
 * refuses the sender. Thread-safe: each check gets its own DNS budget.
 */
public final class SpfGate {

    /** No checks at all (tests, embedding). */
    public static final SpfGate OFF = new SpfGate(new SpfPolicy(SpfPolicy.Mode.OFF, List.of()), () -> null);

    /** Per query; a check of RFC 7208's 10 lookups (and their MX and PTR names) gets {@link #BUDGET}. */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
    /** RFC 7208 4.6.4: "at least 20 seconds" for a whole check. */
    public static final Duration BUDGET = Duration.ofSeconds(20);

    private final SpfPolicy policy;
    private final Supplier<SpfDns> dns;

    /**
     * @param policy what to check and refuse
     * @param dns a fresh query budget per check
     */
    public SpfGate(SpfPolicy policy, Supplier<SpfDns> dns) {
        this.policy = policy;
        this.dns = dns;
    }

    /** A gate whose checks ask the DNS through {@code client}. */
    public static SpfGate resolving(SpfPolicy policy, DnsClient client) {
        return new SpfGate(policy, () -> new ResolverSpfDns(client, BUDGET));
    }

    /**
     * Checks one MAIL FROM; empty when this client is not checked (policy off, exempt).
     *
     * @param mailFrom the reverse-path, {@code ""} for the null sender
     * @param receiver our host name
     */
    public Optional<SpfVerdict> check(InetAddress client, String mailFrom, String heloName, String receiver) {
        if (!policy.checks(client)) {
            return Optional.empty();
        }
        return Optional.of(new SpfChecker(dns.get()).check(client, mailFrom, heloName == null ? "" : heloName, receiver));
    }

    /** Whether the sender is refused for this verdict. */
    public boolean refuses(SpfVerdict verdict) {
        return policy.mode() == SpfPolicy.Mode.REJECT_FAIL && verdict.result() == SpfResult.FAIL;
    }
}

package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.tegami.smtp.dns.DnsClient;

/**
 * Runs the SPF check of incoming mail as {@code smtp.spf} asks and says whether a result
 * refuses the sender. Which clients are checked at all is the caller's business. Thread-safe:
 * each check gets its own DNS budget.
 */
public final class SpfGate {

    /** No checks at all. */
    public static final SpfGate OFF = new SpfGate(SpfMode.OFF, () -> null);

    /** Per query; a whole check (RFC 7208's 10 lookups and their MX and PTR names) gets {@link #BUDGET}. */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
    /** RFC 7208 4.6.4: "at least 20 seconds" for a whole check. */
    public static final Duration BUDGET = Duration.ofSeconds(20);

    private final SpfMode mode;
    private final Supplier<SpfDns> dns;

    /**
     * @param mode what to check and refuse
     * @param dns a fresh query budget per check
     */
    public SpfGate(SpfMode mode, Supplier<SpfDns> dns) {
        this.mode = mode;
        this.dns = dns;
    }

    /** A gate whose checks ask the DNS through {@code client}. */
    public static SpfGate resolving(SpfMode mode, DnsClient client) {
        return new SpfGate(mode, () -> new ResolverSpfDns(client, BUDGET));
    }

    /**
     * Checks one MAIL FROM; empty when {@code smtp.spf} is off.
     *
     * @param mailFrom the reverse-path, {@code ""} for the null sender
     * @param receiver our host name
     */
    public Optional<SpfVerdict> check(InetAddress client, String mailFrom, String heloName, String receiver) {
        if (mode == SpfMode.OFF) {
            return Optional.empty();
        }
        return Optional.of(new SpfChecker(dns.get()).check(client, mailFrom, heloName == null ? "" : heloName, receiver));
    }

    /** Whether the sender is refused for this verdict. */
    public boolean refuses(SpfVerdict verdict) {
        return mode == SpfMode.REJECT_FAIL && verdict.result() == SpfResult.FAIL;
    }
}

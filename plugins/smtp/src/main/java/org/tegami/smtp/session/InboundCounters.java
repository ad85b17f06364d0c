package org.tegami.smtp.session;

import org.tegami.api.Metrics;
import org.tegami.smtp.spf.SpfResult;

/** What the checks of mail from other servers found, for the metrics endpoint. Thread-safe. */
public final class InboundCounters {

    /** Counts nothing. */
    public static final InboundCounters NONE = new InboundCounters(Metrics.NONE);

    private final Metrics.CounterFamily spf;
    private final Metrics.CounterFamily listed;

    public InboundCounters(Metrics metrics) {
        spf = metrics.counter("tegami_smtp_spf_results_total",
                "SPF checks of mail from other servers, by identity (mailfrom, helo) and result (fail is refused "
                        + "under smtp.spf = reject-fail).", "identity", "result");
        listed = metrics.counter("tegami_smtp_dnsbl_listed_total",
                "Clients refused because a DNS blocklist of smtp.dnsbl lists them, by list.", "zone");
    }

    void spf(String identity, SpfResult result) {
        spf.inc(identity, result.keyword());
    }

    void listed(String zone) {
        listed.inc(zone);
    }
}

package org.tegami.smtp.command;

import org.tegami.api.MailAddress;
import org.tegami.smtp.dnsbl.Listing;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.spf.SpfVerdict;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The checks of mail from other servers at MAIL FROM ({@link org.tegami.smtp.session.InboundChecks}):
 * a client in a DNS blocklist is refused, then the SPF records of the HELO name and of the
 * sender are checked.
 */
final class InboundCheck {

    private static final TaggedLogger LOG = Logger.tag("smtp");

    /**
     * What the checks found.
     *
     * @param refusal the reply that refuses the sender, or {@code null}
     * @param spf the SPF verdict for the transaction's header, or {@code null} when not checked
     */
    record Outcome(Response refusal, SpfVerdict spf) {
    }

    private static final Outcome UNCHECKED = new Outcome(null, null);

    private InboundCheck() {
    }

    static Outcome run(SessionContext session, MailAddress sender) {
        if (!session.checks().cover(session)) {
            return UNCHECKED;
        }
        String client = session.clientAddress().getHostAddress();
        Listing listing = session.blocklisting().orElse(null);
        if (listing != null) {
            LOG.info("MAIL FROM {} refused: client {} listed by {} ({})", sender.bracketed(), client, listing.zone(),
                    listing.code());
            // Postfix's wording for reject_rbl_client; RFC 3463 5.7.1: delivery not authorized.
            return new Outcome(Response.reply(554, "5.7.1", "Service unavailable; client [" + client
                    + "] blocked using " + listing.zone() + (listing.reason().isEmpty() ? "" : "; " + listing.reason())),
                    null);
        }
        // RFC 7208 2.3: the HELO identity is checked on its own, as Postfix's policyd-spf does;
        // for the null sender it is the MAIL FROM check below.
        SpfVerdict helo = sender.isNullSender() ? null : session.heloSpf().orElse(null);
        if (helo != null && session.checks().spf().refuses(helo)) {
            LOG.info("MAIL FROM {} refused: SPF fail for HELO {} from {} ({})", sender.bracketed(), helo.domain(),
                    client, helo.reason());
            return new Outcome(Response.reply(550, "5.7.23", "SPF: HELO name " + helo.domain() + " does not allow "
                    + client + " to send mail (" + helo.reason() + ")"), null);
        }
        String mailFrom = sender.isNullSender() ? "" : sender.toString();
        SpfVerdict spf = session.checks().checkSpf(session, mailFrom).orElse(null);
        if (spf != null && session.checks().spf().refuses(spf)) {
            LOG.info("MAIL FROM {} refused: SPF fail for {} from {} ({})", sender.bracketed(), spf.domain(), client,
                    spf.reason());
            // RFC 7208 8.4 and RFC 7372 3.2: 5.7.23, SPF validation failed.
            return new Outcome(Response.reply(550, "5.7.23", "SPF: " + spf.domain() + " does not allow " + client
                    + " to send its mail (" + spf.reason() + ")"), spf);
        }
        return new Outcome(null, spf);
    }
}

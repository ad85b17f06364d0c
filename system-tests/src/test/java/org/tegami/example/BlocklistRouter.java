package org.tegami.example;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.Settings;
import org.tinylog.Logger;

/**
 * Refuses mail to the addresses listed in {@code blocklist.recipients} with
 * {@code 550 5.7.1 <blocklist.reply>} (RFC 5321 4.2.2, RFC 3463 5.7.1 "delivery not
 * authorized"). SMTP asks the router chain at RCPT time, so a blocked recipient is refused in the
 * dialogue and never reaches the queue; other recipients pass on to the next router.
 *
 * <p>Settings (keys in {@code tegami.conf}, prefixed with the plugin id {@code blocklist.}):
 * <ul>
 * <li>{@code recipients}: comma-separated addresses, compared without regard to case; default
 *     none;</li>
 * <li>{@code reply}: the text after {@code 550 5.7.1}; default {@code Recipient refused}.</li>
 * </ul>
 * A changed value takes effect with {@code tegami reload}: the server then configures and starts
 * a new instance, so the fields below are written once, in {@link #configure}, and only read
 * afterwards, from many threads.
 */
@Extension
public class BlocklistRouter implements Router {

    private volatile Set<String> blocked = Set.of();
    private volatile Reply refusal = Reply.of(550, "5.7.1", "Recipient refused");

    @Override
    public void configure(Settings settings) throws ConfigException {
        // Read every key here, even unused ones: a key nobody reads is reported as a typo.
        List<String> recipients = settings.list("recipients", List.of());
        String reply = settings.string("reply", "Recipient refused");
        for (String address : recipients) {
            if (address.indexOf('@') < 1) {
                throw new ConfigException("blocklist.recipients: not an address: \"" + address + "\"");
            }
        }
        blocked = recipients.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        refusal = Reply.of(550, "5.7.1", reply);
    }

    @Override
    public void stop() {
        Logger.tag("blocklist").info("blocklist stopped");
    }

    /** Before the routing plugin's routers (100 to 900), so aliases cannot get around it. */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public RouteDecision route(MailAddress recipient) {
        String address = (recipient.localPart() + "@" + recipient.domain()).toLowerCase(Locale.ROOT);
        if (blocked.contains(address)) {
            Logger.tag("blocklist").info("refused {}", address);
            return new RouteDecision.Reject(refusal);
        }
        return RouteDecision.pass();
    }
}

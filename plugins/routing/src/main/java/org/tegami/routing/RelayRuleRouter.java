package org.tegami.routing;

import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.routing.file.ReloadingFile;
import org.tegami.routing.rule.RouteRule;
import org.tegami.routing.rule.RuleSet;

/**
 * Last in the chain: recipients in other domains go out. The first matching rule of the rules
 * file decides (a relay rule names the transport, smarthost and TLS need); without one, the
 * default is {@code Relay("smtp")} to the domain's MX. Local domains never relay from here:
 * they pass, and the host refuses what nobody claimed. Whether the client may relay at all
 * (authenticated submission) is the SMTP side's check.
 */
@Extension(ordinal = RelayRuleRouter.ORDER)
public class RelayRuleRouter implements Router {

    /** Last of the standard routers. */
    public static final int ORDER = 900;

    /** Where remote mail goes without a rule. */
    public static final RouteDecision.Relay DEFAULT = new RouteDecision.Relay("smtp");

    private volatile RoutingSettings settings;
    private volatile ReloadingFile<RuleSet> rules;
    private volatile ServerContext context;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        this.settings = RoutingSettings.read(settings);
        this.rules = RuleFiles.open(this.settings.rules());
    }

    @Override
    public void start(ServerContext context) {
        this.context = context;
    }

    @Override
    public RouteDecision route(MailAddress recipient) {
        if (context.localDomains().contains(recipient.domain())) {
            return RouteDecision.pass();
        }
        return rules.current().firstMatch(recipient, settings.delimiter())
                .map(RouteRule::decision)
                .orElse(DEFAULT);
    }

    /** Rereads the table now if its file changed ({@code tegami reload}). */
    @Override
    public void refresh() {
        ReloadingFile<?> table = rules;
        if (table != null) {
            table.refresh();
        }
    }
}

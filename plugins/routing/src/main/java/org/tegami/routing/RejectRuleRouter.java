package org.tegami.routing;

import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.Settings;
import org.tegami.routing.file.ReloadingFile;
import org.tegami.routing.rule.RouteRule;
import org.tegami.routing.rule.RuleSet;

/**
 * The {@code reject} rules of the rules file ({@code routing.rules}, default
 * {@code conf/routes}), first in the chain so that they hold for local, aliased and remote
 * recipients alike. The first rule matching the recipient decides: when it is a reject rule
 * its reply is given; when it is a relay rule, the recipient passes here and
 * {@link RelayRuleRouter} applies it at the end of the chain.
 */
@Extension(ordinal = RejectRuleRouter.ORDER)
public class RejectRuleRouter implements Router {

    /** First of the standard routers. */
    public static final int ORDER = 100;

    private volatile RoutingSettings settings;
    private volatile ReloadingFile<RuleSet> rules;

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
    public RouteDecision route(MailAddress recipient) {
        return rules.current().firstMatch(recipient, settings.delimiter())
                .map(RouteRule::decision)
                .filter(RouteDecision.Reject.class::isInstance)
                .orElse(RouteDecision.pass());
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

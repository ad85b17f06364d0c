package org.tegami.routing;

import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.routing.address.LocalAccounts;

/**
 * Delivers to the INBOX of local accounts: for a recipient in a local domain, the account
 * {@code local@domain} (case-insensitive; {@code alice+tag@d} is alice's when there is no
 * account {@code alice+tag@d}). Any other address in a local domain is refused
 * {@code 550 5.1.1}: the virtual map and the aliases came earlier and did not claim it.
 * Other domains pass.
 */
@Extension(ordinal = LocalUserRouter.ORDER)
public class LocalUserRouter implements Router {

    /** After reject rules, the virtual map and aliases. */
    public static final int ORDER = 700;

    private volatile RoutingSettings settings;
    private volatile ServerContext context;
    private volatile LocalAccounts accounts;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        this.settings = RoutingSettings.read(settings);
    }

    @Override
    public void start(ServerContext context) {
        this.accounts = new LocalAccounts(context.users(), settings.delimiter());
        this.context = context;
    }

    @Override
    public RouteDecision route(MailAddress recipient) {
        if (!context.localDomains().contains(recipient.domain())) {
            return RouteDecision.pass();
        }
        return accounts.find(recipient).<RouteDecision>map(RouteDecision.Deliver::new).orElse(Replies.NO_SUCH_USER);
    }
}

package org.tegami.routing;

import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.routing.address.LocalAccounts;
import org.tegami.routing.alias.AliasExpander;
import org.tegami.routing.alias.AliasTable;
import org.tegami.routing.alias.AliasTableLoader;
import org.tegami.routing.alias.ExpansionFailure;
import org.tegami.routing.file.ReloadingFile;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * aliases(5) for the local domains ({@code routing.aliases}, default {@code conf/aliases}),
 * reread when the file or one of its include files changes. Nested aliases are expanded
 * here (see {@link AliasExpander}); a loop is refused {@code 550 5.4.6} and logged.
 */
@Extension(ordinal = AliasRouter.ORDER)
public class AliasRouter implements Router {

    /** After the virtual alias map, before local users. */
    public static final int ORDER = 500;

    private static final TaggedLogger LOG = Logger.tag("routing");

    private volatile RoutingSettings settings;
    private volatile ReloadingFile<AliasTable> aliases;
    private volatile ServerContext context;
    private volatile LocalAccounts accounts;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        this.settings = RoutingSettings.read(settings);
        this.aliases = new ReloadingFile<>(this.settings.aliases(), AliasTableLoader::load);
    }

    @Override
    public void start(ServerContext context) {
        this.accounts = new LocalAccounts(context.users(), settings.delimiter());
        this.context = context;
    }

    @Override
    public RouteDecision route(MailAddress recipient) {
        AliasExpander expander = new AliasExpander(aliases.current(), context.localDomains()::contains, accounts);
        try {
            return expander.expand(recipient);
        } catch (ExpansionFailure f) {
            LOG.warn("{}: {}", recipient, f.getMessage());
            return new RouteDecision.Reject(f.reply());
        }
    }

    /** Rereads the table now if its file changed ({@code tegami reload}). */
    @Override
    public void refresh() {
        ReloadingFile<?> table = aliases;
        if (table != null) {
            table.refresh();
        }
    }
}

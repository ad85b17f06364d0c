package org.tegami.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.routing.address.LocalAccounts;
import org.tegami.routing.address.RecipientDelimiter;
import org.tegami.routing.file.ReloadingFile;
import org.tegami.routing.file.TableLoader;
import org.tegami.routing.virtual.VirtualParser;
import org.tegami.routing.virtual.VirtualTable;

/**
 * The virtual alias map ({@code routing.virtual}, default {@code conf/virtual}), as Postfix's
 * {@code virtual_alias_maps}: a matching address is rewritten to its targets. Domains named
 * in the map are accepted here even when they are not local domains; an address there with
 * no entry (and no catch-all) is refused {@code 550 5.1.1}.
 *
 * <p>An address that maps to itself ends virtual expansion, as in Postfix: alone it passes on
 * to the aliases and local users of a local domain; next to other targets it is delivered to
 * its local account. In a domain that is not local it has nowhere to go and is refused.
 */
@Extension(ordinal = VirtualAliasRouter.ORDER)
public class VirtualAliasRouter implements Router {

    /** After the reject rules, before aliases. */
    public static final int ORDER = 300;

    private volatile RoutingSettings settings;
    private volatile ReloadingFile<VirtualTable> virtual;
    private volatile ServerContext context;
    private volatile LocalAccounts accounts;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        this.settings = RoutingSettings.read(settings);
        this.virtual = new ReloadingFile<>(this.settings.virtual(),
                f -> TableLoader.load(f, VirtualParser::parseTable, VirtualTable.empty()));
    }

    @Override
    public void start(ServerContext context) {
        this.accounts = new LocalAccounts(context.users(), settings.delimiter());
        this.context = context;
    }

    @Override
    public RouteDecision route(MailAddress recipient) {
        VirtualTable table = virtual.current();
        boolean local = context.localDomains().contains(recipient.domain());
        Optional<VirtualTable.Match> match = table.lookup(recipient,
                local ? accounts.delimiterFor(recipient) : settings.delimiter());
        if (match.isEmpty()) {
            return table.hasDomain(recipient.domain()) && !local ? Replies.NO_SUCH_USER : RouteDecision.pass();
        }
        List<MailAddress> others = new ArrayList<>();
        boolean self = false;
        for (MailAddress target : match.get().entry().targets()) {
            if (RecipientDelimiter.same(target, match.get().matched()) || RecipientDelimiter.same(target, recipient)) {
                self = true;
            } else {
                others.add(target);
            }
        }
        if (!self) {
            return new RouteDecision.Rewrite(others);
        }
        if (!local) {
            return Replies.NO_SUCH_USER;
        }
        if (others.isEmpty()) {
            return RouteDecision.pass();
        }
        Optional<String> account = accounts.find(recipient);
        if (account.isEmpty()) {
            return Replies.NO_SUCH_USER;
        }
        return new RouteDecision.Several(List.of(new RouteDecision.Deliver(account.get()), new RouteDecision.Rewrite(others)));
    }

    /** Rereads the table now if its file changed ({@code tegami reload}). */
    @Override
    public void refresh() {
        ReloadingFile<?> table = virtual;
        if (table != null) {
            table.refresh();
        }
    }
}

package org.tegami.core.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.tegami.api.MailAddress;
import org.tegami.api.RecipientResolver;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;

/**
 * Runs the router chain: routers in {@link Router#order()}, the first non-Pass decision wins;
 * Rewrite targets and the parts of Several are routed again through the whole chain. An
 * address already on the current expansion path, or a chain deeper than {@value #MAX_DEPTH},
 * is rejected {@code 554 5.4.6 routing loop} (RFC 3463); an address no router decides is
 * rejected {@code 550 5.1.1}. Thread-safe if the routers are.
 */
public final class RoutingEngine implements RecipientResolver {

    /** The deepest rewrite chain followed. */
    public static final int MAX_DEPTH = 20;

    static final Reply LOOP = Reply.of(554, "5.4.6", "routing loop");
    static final Reply UNKNOWN = Reply.of(550, "5.1.1", "no such recipient");

    private final Supplier<List<Router>> routers;

    /** @param routers the current routers, asked on every resolution (plugins may come and go) */
    public RoutingEngine(Supplier<List<Router>> routers) {
        this.routers = routers;
    }

    @Override
    public Resolution resolve(MailAddress recipient) {
        return new Resolution(expand(recipient).stream().map(Routed::decision).toList());
    }

    /** The final decisions with their final addresses, duplicates removed, in order. */
    public List<Routed> expand(MailAddress recipient) {
        List<Router> chain = new ArrayList<>(routers.get());
        chain.sort(Comparator.comparingInt(Router::order));
        Set<Routed> out = new LinkedHashSet<>();
        route(chain, recipient, new ArrayList<>(), out);
        return List.copyOf(out);
    }

    private void route(List<Router> chain, MailAddress address, List<String> path, Set<Routed> out) {
        String key = address.localPart().toLowerCase(Locale.ROOT) + "@" + address.domain();
        if (path.contains(key) || path.size() > MAX_DEPTH) {
            out.add(new Routed(address, new RouteDecision.Reject(LOOP)));
            return;
        }
        for (Router r : chain) {
            RouteDecision d = r.route(address);
            if (!(d instanceof RouteDecision.Pass)) {
                path.add(key);
                apply(chain, address, d, path, out);
                path.remove(path.size() - 1);
                return;
            }
        }
        out.add(new Routed(address, new RouteDecision.Reject(UNKNOWN)));
    }

    private void apply(List<Router> chain, MailAddress address, RouteDecision d, List<String> path, Set<Routed> out) {
        if (d instanceof RouteDecision.Rewrite rw) {
            if (rw.addresses().isEmpty()) {
                out.add(new Routed(address, new RouteDecision.Discard("rewritten to no address")));
            }
            for (MailAddress a : rw.addresses()) {
                route(chain, a, path, out);
            }
        } else if (d instanceof RouteDecision.Several several) {
            for (RouteDecision part : several.parts()) {
                if (!(part instanceof RouteDecision.Pass)) {
                    apply(chain, address, part, path, out);
                }
            }
        } else {
            out.add(new Routed(address, d));
        }
    }
}

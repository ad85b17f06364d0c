package org.tegami.routing.alias;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.routing.address.LocalAccounts;
import org.tegami.routing.address.RecipientDelimiter;

/**
 * Expands an alias completely, nested aliases and include files included, into the decisions
 * for the host: {@code Deliver} for an alias that names itself ({@code alice: alice, bob}
 * keeps a copy for the real user alice, as sendmail and Postfix do), one {@code Rewrite} with
 * the addresses that are no alias here, and {@code Pipe} / {@code AppendToFile} for commands
 * and files. Several kinds give {@code Several}. An alias loop, an expansion deeper than
 * {@value #MAX_DEPTH} or an alias naming itself without an account is refused; an unreadable
 * include file defers the recipient. Stateless and thread-safe.
 */
public final class AliasExpander {

    /** Nesting deeper than this is refused like a loop (the host stops rewrites at 20 too). */
    public static final int MAX_DEPTH = 20;

    static final Reply LOOP = Reply.of(550, "5.4.6", "alias loop");
    static final Reply NO_SUCH_USER = Reply.of(550, "5.1.1", "no such user");
    static final Reply INCLUDE_UNAVAILABLE = Reply.of(451, "4.3.0", "alias temporarily unavailable");

    private static final Path DEV_NULL = Path.of("/dev/null");

    private final AliasTable table;
    private final Predicate<String> localDomain;
    private final LocalAccounts accounts;

    /**
     * @param table the aliases
     * @param localDomain which domains the aliases apply to
     * @param accounts the local accounts, for aliases that name themselves; they also carry the
     *     recipient delimiter, which applies only when the full address is no account
     */
    public AliasExpander(AliasTable table, Predicate<String> localDomain, LocalAccounts accounts) {
        this.table = table;
        this.localDomain = localDomain;
        this.accounts = accounts;
    }

    /**
     * @return {@code Pass} when the address is no alias, else the expansion
     * @throws ExpansionFailure when the alias cannot be expanded; it carries the reply
     */
    public RouteDecision expand(MailAddress recipient) throws ExpansionFailure {
        Optional<AliasMatch> match = find(recipient);
        if (match.isEmpty()) {
            return RouteDecision.pass();
        }
        Result result = new Result();
        walkAlias(match.get(), new ArrayList<>(), result);
        return result.decision(recipient);
    }

    private Optional<AliasMatch> find(MailAddress address) {
        if (!localDomain.test(address.domain())) {
            return Optional.empty();
        }
        return table.lookup(address, accounts.delimiterFor(address));
    }

    private void walkAlias(AliasMatch alias, List<String> stack, Result result) throws ExpansionFailure {
        String key = RecipientDelimiter.key(alias.alias());
        if (stack.contains(key)) {
            throw new ExpansionFailure(LOOP, "alias loop: " + String.join(" -> ", stack) + " -> " + key);
        }
        if (stack.size() >= MAX_DEPTH) {
            throw new ExpansionFailure(LOOP, "aliases nested deeper than " + MAX_DEPTH + " at " + key);
        }
        stack.add(key);
        walkTargets(alias, alias.entry().targets(), stack, new ArrayList<>(), result);
        stack.remove(stack.size() - 1);
    }

    private void walkTargets(AliasMatch alias, List<AliasTarget> targets, List<String> stack, List<Path> includes,
            Result result) throws ExpansionFailure {
        for (AliasTarget target : targets) {
            if (target instanceof AliasTarget.Address a) {
                walkAddress(alias, a.address(), stack, result);
            } else if (target instanceof AliasTarget.LocalName n) {
                walkAddress(alias, new MailAddress(n.name(), alias.alias().domain()), stack, result);
            } else if (target instanceof AliasTarget.Command c) {
                result.others.add(new RouteDecision.Pipe(c.command()));
            } else if (target instanceof AliasTarget.File f) {
                result.others.add(f.file().equals(DEV_NULL)
                        ? new RouteDecision.Discard("alias " + alias.alias() + " to /dev/null")
                        : new RouteDecision.AppendToFile(f.file()));
            } else if (target instanceof AliasTarget.Include i) {
                walkInclude(alias, i.file(), stack, includes, result);
            }
        }
    }

    private void walkInclude(AliasMatch alias, Path file, List<String> stack, List<Path> includes, Result result)
            throws ExpansionFailure {
        if (includes.contains(file)) {
            throw new ExpansionFailure(LOOP, "include loop at " + file + " in alias " + alias.alias());
        }
        List<AliasTarget> targets = table.include(file).orElseThrow(() -> new ExpansionFailure(INCLUDE_UNAVAILABLE,
                "alias " + alias.alias() + ": include file " + file + " could not be read"));
        includes.add(file);
        walkTargets(alias, targets, stack, includes, result);
        includes.remove(includes.size() - 1);
    }

    private void walkAddress(AliasMatch alias, MailAddress target, List<String> stack, Result result)
            throws ExpansionFailure {
        Optional<AliasMatch> next = find(target);
        boolean self = RecipientDelimiter.same(target, alias.alias())
                || next.isPresent() && RecipientDelimiter.same(next.get().alias(), alias.alias());
        if (self) {
            // "alice: alice, bob": the real user alice, not the alias again.
            String account = accounts.find(target).orElseThrow(() -> new ExpansionFailure(NO_SUCH_USER,
                    "alias " + alias.alias() + " names itself but there is no account " + target));
            result.delivers.add(account);
        } else if (next.isPresent()) {
            walkAlias(next.get(), stack, result);
        } else {
            result.addresses.putIfAbsent(RecipientDelimiter.key(target), target);
        }
    }

    /** What one expansion collected, kept in file order without duplicates. */
    private static final class Result {
        final Set<String> delivers = new LinkedHashSet<>();
        final Map<String, MailAddress> addresses = new LinkedHashMap<>();
        final Set<RouteDecision> others = new LinkedHashSet<>();

        RouteDecision decision(MailAddress recipient) throws ExpansionFailure {
            List<RouteDecision> parts = new ArrayList<>();
            delivers.forEach(user -> parts.add(new RouteDecision.Deliver(user)));
            if (!addresses.isEmpty()) {
                parts.add(new RouteDecision.Rewrite(List.copyOf(addresses.values())));
            }
            others.stream().filter(o -> !(o instanceof RouteDecision.Discard)).forEach(parts::add);
            if (parts.isEmpty()) {
                // Only /dev/null: next to real targets it adds nothing.
                Optional<RouteDecision> discard = others.stream().findFirst();
                if (discard.isPresent()) {
                    return discard.get();
                }
                throw new ExpansionFailure(NO_SUCH_USER, "alias " + recipient + " expands to no targets");
            }
            return parts.size() == 1 ? parts.get(0) : new RouteDecision.Several(parts);
        }
    }
}

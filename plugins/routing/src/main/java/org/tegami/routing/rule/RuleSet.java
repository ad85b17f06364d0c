package org.tegami.routing.rule;

import java.util.List;
import java.util.Optional;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;

/**
 * The rules of one file, in order; the first rule whose pattern matches decides.
 *
 * @param rules the rules in file order
 */
public record RuleSet(List<RouteRule> rules) {

    private static final RuleSet EMPTY = new RuleSet(List.of());

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public static RuleSet empty() {
        return EMPTY;
    }

    /** The first rule that matches the recipient. */
    public Optional<RouteRule> firstMatch(MailAddress recipient, RecipientDelimiter delimiter) {
        return rules.stream().filter(r -> r.pattern().matches(recipient, delimiter)).findFirst();
    }
}

package org.tegami.smtp.command;

import java.util.List;
import java.util.Locale;
import org.tegami.api.MailAddress;
import org.tegami.api.RecipientResolver;
import org.tegami.api.RouteDecision;

/**
 * Whether an authenticated user owns an address, and so may give it as the reverse-path: one
 * user must not send as another (the check Postfix makes with
 * {@code reject_sender_login_mismatch}). An address is the user's when
 * <ul>
 * <li>it is the login itself ({@code alice@example.org}; the local part compared without case,
 *     RFC 5321 2.4 leaves that to the receiving server, and ours delivers so), or
 * <li>the routers deliver it to that account and nowhere else: every final decision of the
 *     {@link RecipientResolver} is a {@link RouteDecision.Deliver} to the login, in any folder.
 *     That takes in the recipient-delimiter forms ({@code alice+tag@}), aliases and virtual
 *     entries that name only that account, and the same name in other local domains where the
 *     tables send it to the account.
 * </ul>
 * An address that also reaches someone else (a list, {@code info: alice, bob}), goes to
 * another account, leaves this server, or is refused by the routers is not owned. The null
 * reverse-path is not an address and is the caller's to allow. Thread-safe if the resolver is;
 * it does no I/O of its own.
 */
final class SenderOwnership {

    private final RecipientResolver resolver;

    /** @param resolver answers where an address would be delivered, without delivering */
    SenderOwnership(RecipientResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param login the authenticated account name, as the user directory spells it
     * @param sender the MAIL FROM address, not the null sender
     * @throws RuntimeException when the routers fail; the caller answers with a temporary error
     */
    boolean owns(String login, MailAddress sender) {
        if (isLogin(login, sender)) {
            return true;
        }
        List<RouteDecision> decisions = resolver.resolve(sender).decisions();
        return !decisions.isEmpty() && decisions.stream().allMatch(d -> deliversTo(login, d));
    }

    private static boolean isLogin(String login, MailAddress sender) {
        String key = sender.localPart().toLowerCase(Locale.ROOT) + "@" + sender.domain();
        return key.equals(login.toLowerCase(Locale.ROOT));
    }

    private static boolean deliversTo(String login, RouteDecision decision) {
        if (decision instanceof RouteDecision.Several several) {
            return !several.parts().isEmpty() && several.parts().stream().allMatch(p -> deliversTo(login, p));
        }
        return decision instanceof RouteDecision.Deliver deliver && deliver.user().equalsIgnoreCase(login);
    }
}

package org.tegami.routing.address;

import java.util.Optional;
import org.tegami.api.MailAddress;
import org.tegami.api.UserAccount;
import org.tegami.api.UserDirectory;

/**
 * Finds the account for an address in a local domain: {@code local@domain} as given, else
 * without its extension ({@code alice+tag@d} is alice's). The user directory compares names
 * case-insensitively.
 */
public final class LocalAccounts {

    private final UserDirectory users;
    private final RecipientDelimiter delimiter;

    public LocalAccounts(UserDirectory users, RecipientDelimiter delimiter) {
        this.users = users;
        this.delimiter = delimiter;
    }

    /** Whether an account has exactly this name (the extension included). */
    public boolean isAccount(MailAddress address) {
        return users.find(RecipientDelimiter.key(address)).isPresent();
    }

    /**
     * The delimiter to look this address up with in alias tables: none when the full address
     * is an account of its own ({@code alice+lists@d}), so that it is not taken for alice.
     */
    public RecipientDelimiter delimiterFor(MailAddress address) {
        return isAccount(address) ? RecipientDelimiter.none() : delimiter;
    }

    /** The account name to deliver to, if there is one. */
    public Optional<String> find(MailAddress address) {
        Optional<UserAccount> account = users.find(RecipientDelimiter.key(address));
        if (account.isEmpty()) {
            account = delimiter.strip(address).flatMap(base -> users.find(RecipientDelimiter.key(base)));
        }
        return account.map(UserAccount::name);
    }
}

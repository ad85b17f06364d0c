package org.tegami.routing.address;

import java.util.Locale;
import java.util.Optional;
import org.tegami.api.MailAddress;

/**
 * Postfix's {@code recipient_delimiter}: {@code alice+tag@example.org} is also tried as
 * {@code alice@example.org} when the full address is not known. Every character of the
 * setting is a delimiter; the local part is cut at the first one. An empty setting switches
 * this off. The extension is not carried over to the routed address.
 */
public final class RecipientDelimiter {

    /** The default setting, as in Postfix and Dovecot. */
    public static final String DEFAULT = "+";

    private final String delimiters;

    /** @param delimiters the characters that start an extension; empty for none */
    public RecipientDelimiter(String delimiters) {
        this.delimiters = delimiters == null ? "" : delimiters;
    }

    /** No delimiter: addresses are only looked up as given. */
    public static RecipientDelimiter none() {
        return new RecipientDelimiter("");
    }

    /** The address without its extension, or empty when it has none. */
    public Optional<MailAddress> strip(MailAddress address) {
        String local = address.localPart();
        for (int i = 1; i < local.length(); i++) {
            // Index 0 is skipped: a local part that starts with the delimiter has no base name.
            if (delimiters.indexOf(local.charAt(i)) >= 0) {
                return Optional.of(new MailAddress(local.substring(0, i), address.domain()));
            }
        }
        return Optional.empty();
    }

    /** The address in the lower-case form lookup tables are keyed by: {@code local@domain}. */
    public static String key(MailAddress address) {
        return address.localPart().toLowerCase(Locale.ROOT) + "@" + address.domain();
    }

    /** Whether two addresses are the same mailbox, ignoring the local part's case. */
    public static boolean same(MailAddress a, MailAddress b) {
        return a.domain().equals(b.domain()) && a.localPart().equalsIgnoreCase(b.localPart());
    }

    @Override
    public String toString() {
        return delimiters;
    }
}

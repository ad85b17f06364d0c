package org.tegami.routing.rule;

import java.util.Locale;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;

/**
 * The left side of a routing rule, case-insensitive:
 * <ul>
 * <li>{@code *} — every recipient;</li>
 * <li>{@code example.com} — that domain only;</li>
 * <li>{@code .example.com} — subdomains of example.com (not example.com itself);</li>
 * <li>{@code bob@example.com} — that address (also {@code bob+tag@example.com}).</li>
 * </ul>
 *
 * @param kind which of the forms
 * @param value the domain, the domain with its leading dot, or the lower-case address
 */
public record RecipientPattern(Kind kind, String value) {

    /** The forms of a pattern. */
    public enum Kind {
        ANY, DOMAIN, SUBDOMAINS, ADDRESS
    }

    /**
     * @throws IllegalArgumentException when the text is none of the forms
     */
    public static RecipientPattern parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("*")) {
            return new RecipientPattern(Kind.ANY, "*");
        }
        if (t.indexOf('@') >= 0) {
            MailAddress address = MailAddress.parse(t);
            if (address.isNullSender()) {
                throw new IllegalArgumentException("empty address");
            }
            return new RecipientPattern(Kind.ADDRESS, RecipientDelimiter.key(address));
        }
        String domain = t.startsWith(".") ? t.substring(1) : t;
        // RFC 1035 2.3.4; also keeps the regex below from recursing once per label of a
        // pathological pattern until the stack overflows.
        if (domain.length() > 253) {
            throw new IllegalArgumentException("domain longer than 253 characters");
        }
        if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("not a domain, address or *: \"" + text + "\"");
        }
        return new RecipientPattern(t.startsWith(".") ? Kind.SUBDOMAINS : Kind.DOMAIN, t);
    }

    /** Whether the recipient, or the same without its extension, matches. */
    public boolean matches(MailAddress recipient, RecipientDelimiter delimiter) {
        return switch (kind) {
            case ANY -> true;
            case DOMAIN -> recipient.domain().equals(value);
            case SUBDOMAINS -> recipient.domain().endsWith(value);
            case ADDRESS -> value.equals(RecipientDelimiter.key(recipient))
                    || delimiter.strip(recipient).map(b -> value.equals(RecipientDelimiter.key(b))).orElse(false);
        };
    }
}

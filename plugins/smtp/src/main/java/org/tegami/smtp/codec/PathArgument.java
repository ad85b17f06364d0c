package org.tegami.smtp.codec;

import java.util.Map;
import org.tegami.api.MailAddress;

/**
 * The argument of MAIL FROM or RCPT TO: the path and its ESMTP parameters.
 *
 * @param address the address; {@link MailAddress#NULL_SENDER} for {@code <>}
 * @param parameters the parameters by upper-case keyword; a parameter without value maps to
 *     the empty string; in the order given
 */
public record PathArgument(MailAddress address, Map<String, String> parameters) {

    /** Whether the address has non-ASCII characters, which need SMTPUTF8 (RFC 6531 3.4). */
    public boolean hasUtf8Address() {
        return address.toString().chars().anyMatch(c -> c > 0x7f);
    }
}

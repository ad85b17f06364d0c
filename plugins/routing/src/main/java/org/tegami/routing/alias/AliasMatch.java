package org.tegami.routing.alias;

import org.tegami.api.MailAddress;

/**
 * An alias found for an address.
 *
 * @param alias the address the alias stands for: the looked-up address, or the same without
 *     its extension when only that matched
 * @param entry the entry
 */
public record AliasMatch(MailAddress alias, AliasEntry entry) {
}

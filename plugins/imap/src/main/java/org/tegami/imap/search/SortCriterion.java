package org.tegami.imap.search;

/**
 * One SORT criterion (RFC 5256 3, RFC 5957 3): a key and whether {@code REVERSE} preceded it.
 * REVERSE flips only this criterion; ties still fall to the next one.
 */
public record SortCriterion(Key key, boolean reverse) {

    /** The sort keys. */
    public enum Key {
        /** INTERNALDATE. */
        ARRIVAL,
        /** addr-mailbox of the first Cc address. */
        CC,
        /** Date: header in UTC, INTERNALDATE when it cannot be read. */
        DATE,
        /** addr-mailbox of the first From address. */
        FROM,
        /** RFC822.SIZE. */
        SIZE,
        /** base subject (RFC 5256 2.1). */
        SUBJECT,
        /** addr-mailbox of the first To address. */
        TO,
        /** display name of the first From address, else its addr-spec (RFC 5957). */
        DISPLAYFROM,
        /** display name of the first To address, else its addr-spec (RFC 5957). */
        DISPLAYTO
    }
}

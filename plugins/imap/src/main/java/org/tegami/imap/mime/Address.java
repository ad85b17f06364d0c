package org.tegami.imap.mime;

/**
 * One entry of an IMAP address list (RFC 3501 7.4.2 ENVELOPE): personal name (still RFC 2047
 * encoded), source route, mailbox and host. A group is a start entry (host {@code null},
 * mailbox the group name) and an end entry (mailbox and host {@code null}).
 */
public record Address(String name, String route, String mailbox, String host) {

    static Address groupStart(String name) {
        return new Address(null, null, name, null);
    }

    static Address groupEnd() {
        return new Address(null, null, null, null);
    }
}

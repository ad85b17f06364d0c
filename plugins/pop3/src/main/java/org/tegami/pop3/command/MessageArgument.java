package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.session.Maildrop;

/**
 * A message-number argument checked against the maildrop: a decimal number of an existing,
 * not deleted message (RFC 1939 section 5), or the {@code -ERR} to answer instead.
 *
 * @param number the message number when {@link #error} is {@code null}
 * @param error the reply for a bad or deleted number, or {@code null}
 */
record MessageArgument(int number, Pop3Reply error) {

    static MessageArgument resolve(String argument, Maildrop maildrop) {
        long number = parseNumber(argument);
        if (number < 1) {
            return new MessageArgument(0, Pop3Reply.err("invalid message number"));
        }
        if (number > maildrop.size()) {
            return new MessageArgument(0, Pop3Reply.err("no such message"));
        }
        int n = (int) number;
        if (maildrop.isDeleted(n)) {
            return new MessageArgument(0, Pop3Reply.err("message " + n + " already deleted"));
        }
        return new MessageArgument(n, null);
    }

    /** A non-negative decimal of at most 9 digits, or -1. */
    static long parseNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}

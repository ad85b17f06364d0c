package org.tegami.smtp.codec;

/**
 * One command line as read, without its CRLF.
 *
 * @param text the line decoded as UTF-8 (RFC 6531 allows UTF-8 addresses); empty when there is a problem
 * @param problem why the line cannot be used, or {@code null}
 */
public record CommandLine(String text, Problem problem) {

    /** Ways a line can be unusable. */
    public enum Problem {
        /** Longer than the limit; the rest of it was skipped. */
        TOO_LONG,
        /** Ended with LF alone (RFC 5321 2.3.8 asks for CRLF). */
        BARE_LF,
        /** A CR or NUL inside the line. */
        BARE_CR
    }
}

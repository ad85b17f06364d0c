package org.tegami.smtp.codec;

/**
 * Checks message bytes, fed in pieces of any size, for line ends other than CRLF and for
 * over-long lines. A lone LF or CR is what "SMTP smuggling" hides an end-of-data in (RFC 5321
 * 2.3.8 forbids both in content); refusing them keeps every hop's idea of the message the same.
 */
public final class LineEndingCheck {

    /** What is wrong with the content. */
    public enum Problem {
        BARE_LF, BARE_CR, LINE_TOO_LONG
    }

    private final int maxLine;
    private boolean afterCr;
    private int lineLength;
    private byte last = '\n';

    /** @param maxLine the longest line, CRLF included (RFC 5321 4.5.3.1.6: 1000) */
    public LineEndingCheck(int maxLine) {
        this.maxLine = maxLine;
    }

    /** @return the first problem in these bytes, or {@code null} */
    public Problem feed(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = bytes[i];
            if (afterCr && b != '\n') {
                return Problem.BARE_CR;
            }
            if (b == '\n' && !afterCr) {
                return Problem.BARE_LF;
            }
            afterCr = b == '\r';
            if (b == '\n') {
                lineLength = 0;
            } else if (++lineLength > maxLine - 2 && !afterCr) {
                return Problem.LINE_TOO_LONG;
            }
            last = b;
        }
        return null;
    }

    /** @return a problem that shows only at the end (a final lone CR), or {@code null} */
    public Problem finish() {
        return afterCr ? Problem.BARE_CR : null;
    }

    /** Whether the bytes so far end a line (or none came), so no CRLF needs appending. */
    public boolean atLineEnd() {
        return last == '\n';
    }
}

package org.tegami.smtp.dkim;

/**
 * Builds one header field folded to lines of at most {@link #WIDTH} characters where it can
 * (RFC 5322 2.1.1, 2.2.3). Pieces are added one at a time; a piece that follows a space may
 * move to the next line in place of that space, and a piece that does not may start a new
 * line too, which adds folding white space there. So only add pieces where folding white
 * space is allowed (between DKIM tags, after a colon in {@code h=}, inside {@code b=}:
 * RFC 6376 3.5).
 */
public final class FoldedHeader {

    /** The line length aimed at, CRLF not counted. */
    public static final int WIDTH = 76;

    private final StringBuilder text = new StringBuilder();
    private int lineLength;

    /** Starts the field with its name and colon. */
    public FoldedHeader(String name) {
        text.append(name).append(':');
        lineLength = text.length();
    }

    /** Adds a piece that is separated from what comes before by one space. */
    public FoldedHeader spaced(String piece) {
        if (lineLength + 1 + piece.length() <= WIDTH) {
            text.append(' ').append(piece);
            lineLength += 1 + piece.length();
        } else {
            newLine(piece);
        }
        return this;
    }

    /** Adds a piece that joins what comes before, or starts a new line when it does not fit. */
    public FoldedHeader joined(String piece) {
        if (lineLength + piece.length() <= WIDTH) {
            text.append(piece);
            lineLength += piece.length();
        } else {
            newLine(piece);
        }
        return this;
    }

    /** Adds a string that may be broken anywhere (a base64 value), filling each line. */
    public FoldedHeader breakable(String value) {
        int at = 0;
        while (at < value.length()) {
            int room = WIDTH - lineLength;
            if (room <= 0) {
                text.append("\r\n ");
                lineLength = 1;
                room = WIDTH - 1;
            }
            int end = Math.min(value.length(), at + room);
            text.append(value, at, end);
            lineLength += end - at;
            at = end;
        }
        return this;
    }

    private void newLine(String piece) {
        text.append("\r\n ").append(piece);
        lineLength = 1 + piece.length();
    }

    /** The field so far, without a final CRLF. */
    public String text() {
        return text.toString();
    }
}

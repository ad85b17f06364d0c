package org.tegami.smtp.session;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Drops from a message's header the {@code Authentication-Results:} fields that carry our own
 * authserv-id: RFC 8601 5 has an MTA delete such fields that did not come from within its
 * trust boundary, or a sender could write "spf=pass" in our name for the recipient's filters.
 * The rest of the message passes unchanged; the body is not looked at.
 *
 * <p>Header fields are collected one at a time (a field is its first line and its folded
 * continuation lines) and decided on when the next line starts something else. Only the empty
 * line ends the header: a malformed line (no colon, bytes outside ASCII) is kept as it is and
 * the lines after it are still looked at, as mail readers still read them as header fields. A
 * field, or a line, longer than {@link #MAX_FIELD} is decided on by its first part, and the
 * rest follows that decision. Not thread-safe.
 */
final class ForgedResultsFilter extends InputStream {

    /** Enough for any real header field; bounds the memory a hostile one can take. */
    static final int MAX_FIELD = 64 * 1024;

    /** How a line read ended. */
    private enum LineEnd {
        /** At its LF. */
        LF,
        /** Not yet: {@link #MAX_FIELD} bytes and no LF; the next read goes on with the line. */
        CUT,
        /** At the end of the stream. */
        STREAM
    }

    /** What happens to the rest of a field that was decided on before its end. */
    private enum Rest {
        NONE, KEEP, DROP
    }

    private final InputStream in;
    private final String authservId;
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private byte[] ready = new byte[0];
    private int readyPos;
    private boolean inBody;
    private Rest rest = Rest.NONE;
    /** The last line read was cut: the next read is the rest of it. */
    private boolean lineGoesOn;

    /** @param authservId our host name */
    ForgedResultsFilter(InputStream in, String authservId) {
        // Header lines are read a byte at a time: from a buffer, not from the session's reader.
        this.in = new BufferedInputStream(in, 8192);
        this.authservId = authservId.toLowerCase(Locale.ROOT);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (readyPos == ready.length) {
            if (inBody) {
                return in.read(b, off, len);
            }
            nextHeaderLine();
        }
        int n = Math.min(len, ready.length - readyPos);
        System.arraycopy(ready, readyPos, b, off, n);
        readyPos += n;
        return n;
    }

    /** Reads one header line (or the next piece of a cut one) and makes ready what can now pass. */
    private void nextHeaderLine() throws IOException {
        LineEnd end = readLine();
        byte[] text = line.toByteArray();
        boolean wasCut = lineGoesOn;
        lineGoesOn = end == LineEnd.CUT;
        if (wasCut) {
            // The rest of a line too long to hold: it follows its field's decision.
            set(rest == Rest.DROP ? new byte[0] : text);
        } else if (isContinuation(text) && (field.size() > 0 || rest != Rest.NONE)) {
            if (rest != Rest.NONE) {
                set(rest == Rest.DROP ? new byte[0] : text);
            } else {
                field.writeBytes(text);
                set(field.size() > MAX_FIELD || end == LineEnd.CUT ? decideEarly() : new byte[0]);
            }
        } else {
            byte[] previous = decidedField();
            rest = Rest.NONE;
            if (isEmptyLine(text)) {
                set(concat(previous, text));
                inBody = true;
            } else {
                field.writeBytes(text);
                set(concat(previous, end == LineEnd.CUT ? decideEarly() : new byte[0]));
            }
        }
        if (end == LineEnd.STREAM) {
            set(concat(ready, decidedField()));
            inBody = true;
        }
    }

    /** Decides on a field before its end; what follows of it goes the same way. */
    private byte[] decideEarly() {
        rest = claimsUs() ? Rest.DROP : Rest.KEEP;
        byte[] kept = rest == Rest.DROP ? new byte[0] : field.toByteArray();
        field.reset();
        return kept;
    }

    /** The collected field, or nothing if it is one of ours; empties the collection. */
    private byte[] decidedField() {
        byte[] done = field.size() == 0 || claimsUs() ? new byte[0] : field.toByteArray();
        field.reset();
        return done;
    }

    private boolean claimsUs() {
        byte[] bytes = field.toByteArray();
        return ResultsField.authservId(bytes, bytes.length).filter(authservId::equals).isPresent();
    }

    /** Reads up to and including the next LF into {@link #line}, or {@link #MAX_FIELD} bytes. */
    private LineEnd readLine() throws IOException {
        line.reset();
        while (line.size() < MAX_FIELD) {
            int c = in.read();
            if (c < 0) {
                return LineEnd.STREAM;
            }
            line.write(c);
            if (c == '\n') {
                return LineEnd.LF;
            }
        }
        return LineEnd.CUT;
    }

    private static boolean isContinuation(byte[] text) {
        return text.length > 0 && (text[0] == ' ' || text[0] == '\t');
    }

    /** The line that ends the header: CRLF (or a bare LF, which the readers refuse earlier). */
    private static boolean isEmptyLine(byte[] text) {
        return text.length == 2 && text[0] == '\r' && text[1] == '\n' || text.length == 1 && text[0] == '\n';
    }

    private void set(byte[] bytes) {
        ready = bytes;
        readyPos = 0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (b.length == 0) {
            return a;
        }
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

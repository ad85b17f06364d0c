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
 * continuation lines) and decided on when the next line starts something else. A field longer
 * than {@link #MAX_FIELD} is decided on by its first part, and the rest follows it. Not
 * thread-safe.
 */
final class ForgedResultsFilter extends InputStream {

    /** Enough for any real header field; bounds the memory a hostile one can take. */
    static final int MAX_FIELD = 64 * 1024;

    private final InputStream in;
    private final String authservId;
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private byte[] ready = new byte[0];
    private int readyPos;
    private boolean inBody;
    /** While a too-long field goes on: whether its remaining lines are dropped. */
    private Boolean streamingDrop;

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

    /**
     * Reads one header line and makes ready whatever can now be passed on. After the blank line
     * that ends the header, a line that starts no field, the end of the stream or a line longer
     * than any field, the rest passes as it is.
     */
    private void nextHeaderLine() throws IOException {
        boolean complete = readLine();
        byte[] text = line.toByteArray();
        boolean continuation = text.length > 0 && (text[0] == ' ' || text[0] == '\t');
        if (continuation && streamingDrop != null) {
            set(streamingDrop ? new byte[0] : text);
            inBody = !complete;
        } else if (continuation && field.size() > 0) {
            field.writeBytes(text);
            if (!complete) {
                set(decidedField());
                inBody = true;
            } else if (field.size() > MAX_FIELD) {
                streamingDrop = claimsUs();
                set(streamingDrop ? new byte[0] : field.toByteArray());
                field.reset();
            } else {
                set(new byte[0]);
            }
        } else {
            byte[] previous = decidedField();
            streamingDrop = null;
            if (isFieldStart(text)) {
                field.writeBytes(text);
                if (complete) {
                    set(previous);
                } else {
                    set(concat(previous, decidedField()));
                    inBody = true;
                }
            } else {
                set(concat(previous, text));
                inBody = true;
            }
        }
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

    /**
     * Reads up to and including the next LF into {@link #line}; false when the stream ended
     * first or the line grew past {@link #MAX_FIELD} (then what was read is in {@code line}).
     */
    private boolean readLine() throws IOException {
        line.reset();
        while (line.size() <= MAX_FIELD) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            line.write(c);
            if (c == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * A line that starts a header field: a name of printable characters, then a colon, with
     * white space allowed before it (RFC 5322 4.5.8, obsolete but still read by mail readers).
     */
    private static boolean isFieldStart(byte[] text) {
        int i = 0;
        while (i < text.length && (text[i] & 0xff) > ' ' && (text[i] & 0xff) < 0x7f && text[i] != ':') {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < text.length && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i < text.length && text[i] == ':';
    }

    private void set(byte[] bytes) {
        ready = bytes;
        readyPos = 0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package org.tegami.smtp.codec;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Hands out its bytes in pieces of a fixed size, the way a slow network splits them. */
final class Trickle extends InputStream {

    private final byte[] bytes;
    private final int piece;
    private int pos;

    Trickle(String text, int piece) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.piece = piece;
    }

    static LineReader reader(String text, int piece) {
        return new LineReader(new Trickle(text, piece), () -> { });
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, piece), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return 0;
    }
}

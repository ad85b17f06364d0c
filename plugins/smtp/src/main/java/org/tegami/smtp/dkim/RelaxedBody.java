package org.tegami.smtp.dkim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The "relaxed" body canonicalization of RFC 6376 3.4.4, fed in pieces, hashed with SHA-256 as
 * it goes: white space at line ends is dropped, runs of spaces and tabs inside a line become
 * one space, empty lines at the end are dropped, and a last line without CRLF gets one. An
 * empty body canonicalizes to nothing at all. Lines end with CRLF; a lone CR or LF is an
 * ordinary character. Not thread-safe.
 */
public final class RelaxedBody {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final MessageDigest digest;
    private final byte[] out = new byte[8192];
    private int used;
    private boolean pendingSpace;
    private boolean pendingCr;
    private boolean lineHasContent;
    private long emptyLines;

    public RelaxedBody() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Feeds the next bytes of the body. */
    public void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (pendingCr) {
                pendingCr = false;
                if (b == LF) {
                    endLine();
                    continue;
                }
                content(CR);
            }
            if (b == CR) {
                pendingCr = true;
            } else if (b == ' ' || b == '\t') {
                pendingSpace = true;
            } else {
                content(b);
            }
        }
    }

    /** Ends the body and returns its SHA-256 hash; the instance is used up. */
    public byte[] finish() {
        if (pendingCr) {
            pendingCr = false;
            content(CR);
        }
        if (lineHasContent) {
            emit(CR);
            emit(LF);
        }
        digest.update(out, 0, used);
        used = 0;
        return digest.digest();
    }

    private void endLine() {
        if (lineHasContent) {
            emit(CR);
            emit(LF);
        } else {
            // Held back: only empty lines followed by content count (3.4.4 c).
            emptyLines++;
        }
        lineHasContent = false;
        pendingSpace = false;
    }

    private void content(byte b) {
        if (!lineHasContent) {
            for (; emptyLines > 0; emptyLines--) {
                emit(CR);
                emit(LF);
            }
        }
        if (pendingSpace) {
            emit((byte) ' ');
            pendingSpace = false;
        }
        emit(b);
        lineHasContent = true;
    }

    private void emit(byte b) {
        if (used == out.length) {
            digest.update(out, 0, used);
            used = 0;
        }
        out[used++] = b;
    }
}

package org.tegami.imap.decode;

import java.nio.charset.StandardCharsets;

/**
 * One complete client command as received: the text with every literal inline, exactly as on
 * the wire ({@code {n}CRLF} followed by the n bytes), without the final CRLF. The
 * {@link CommandTokenizer} reads literals out of it again, so reading (I/O) and parsing stay
 * apart.
 *
 * @param bytes the command bytes; not copied, do not modify
 */
public record CommandLine(byte[] bytes) {

    /** The command as text, for tests and logs; literal bytes shown as UTF-8. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package org.tegami.imap.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * One complete client command as received: the text with every literal inline, exactly as on
 * the wire ({@code {n}CRLF} followed by the n bytes), without the final CRLF. A literal too
 * large to keep in memory is left out of the bytes and kept in a file instead, listed in
 * {@code spooled} by the offset where its bytes would start. The {@link CommandTokenizer} reads
 * literals out of it again, so reading (I/O) and parsing stay apart. Call {@link #discard()}
 * when the command is done.
 *
 * @param bytes the command bytes; not copied, do not modify
 * @param spooled spooled literals by offset in {@code bytes}
 */
public record CommandLine(byte[] bytes, Map<Integer, LiteralContent.Spooled> spooled) {

    public CommandLine(byte[] bytes) {
        this(bytes, Map.of());
    }

    public CommandLine {
        spooled = Map.copyOf(spooled);
    }

    /** Deletes the files of spooled literals. */
    public void discard() {
        for (LiteralContent.Spooled s : spooled.values()) {
            try {
                Files.deleteIfExists(s.file());
            } catch (IOException e) {
                s.file().toFile().deleteOnExit();
            }
        }
    }

    /** The command as text, for tests and logs; literal bytes shown as UTF-8. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package org.tegami.imap.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one literal: a slice of the command in memory, or, for a large literal (an
 * APPENDed message), a temporary file the {@link CommandReader} wrote it to, so a big upload
 * never sits in memory. The file lives until the {@link CommandLine} is discarded.
 */
public sealed interface LiteralContent {

    long length();

    /** A fresh stream over the bytes. */
    InputStream stream() throws IOException;

    /** A literal held in the command buffer. */
    record InMemory(byte[] buffer, int offset, int size) implements LiteralContent {

        @Override
        public long length() {
            return size;
        }

        @Override
        public InputStream stream() {
            return new ByteArrayInputStream(buffer, offset, size);
        }
    }

    /** A literal spooled to a temporary file. */
    record Spooled(Path file, long size) implements LiteralContent {

        @Override
        public long length() {
            return size;
        }

        @Override
        public InputStream stream() throws IOException {
            return Files.newInputStream(file);
        }
    }
}

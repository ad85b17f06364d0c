package org.tegami.routing.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a whole table file as text. */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * @return the content (malformed UTF-8 replaced, never fatal), or empty if the file does
     *     not exist
     * @throws IOException when it exists but cannot be read
     */
    public static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}

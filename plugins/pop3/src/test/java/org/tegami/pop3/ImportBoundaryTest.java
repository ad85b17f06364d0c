package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin uses core only through org.tegami.api (DESIGN: modules and their rooms). */
class ImportBoundaryTest {

    private static final Pattern CORE_IMPORT = Pattern.compile("^import (static )?org\\.tegami\\.(?!api\\.|pop3\\.).*",
            Pattern.MULTILINE);

    @Test
    void mainSourcesImportNothingFromCoreButTheApi() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> CORE_IMPORT.matcher(read(p)).find())
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin uses nothing of core but its public package org.tegami.api (DESIGN "Modules"). */
class ApiOnlyImportsTest {

    private static final Pattern CORE_USE = Pattern.compile("org\\.tegami\\.(?!api\\b|smtp\\b)\\w+");

    @Test
    void importsOnlyTheApiFromCore() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(ApiOnlyImportsTest::usesCore)
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean usesCore(Path file) {
        try {
            return CORE_USE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

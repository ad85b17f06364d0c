package org.tegami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins meet core only through {@code org.tegami.api}: the sources of every
 * {@code plugins/<name>/src/main/java} may name no {@code org.tegami} package but the API and
 * their own {@code org.tegami.<name>}.
 */
class ArchitectureTest {

    private static final Pattern TEGAMI_NAME = Pattern.compile("\\borg\\.tegami\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

    /** The repository root: tests run in the core module's folder. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("plugins")) && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    @Test
    void pluginsUseNothingFromCoreButTheApi() throws IOException {
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(repositoryRoot().resolve("plugins"), Files::isDirectory)) {
            for (Path module : modules) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                String own = module.getFileName().toString().replace("-", "");
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        scanned++;
                        violations.addAll(check(file, own));
                    }
                }
            }
        }
        assertTrue(scanned > 0, "found no plugin sources: the check would pass without looking");
        assertFalse(!violations.isEmpty(), "plugins must import only org.tegami.api from core:\n"
                + String.join("\n", violations));
    }

    private static String blank(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
    }

    @Test
    void theCheckFindsCoreImportsButNotApiOrOwnOrComments(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Sample.java");
        Files.writeString(file, """
                package org.tegami.smtp;
                import org.tegami.api.Reply;
                import org.tegami.smtp.session.SmtpSession;
                // org.tegami.core.spool is mentioned in a comment only
                import org.tegami.core.spool.Spool;
                class Sample { Object o = new org.tegami.pop3.Pop3Session(); String s = "org.tegami.core"; }
                """);
        assertEquals(List.of(file + ":5: org.tegami.core", file + ":6: org.tegami.pop3"), check(file, "smtp"));
    }

    private static List<String> check(Path file, String ownPackage) throws IOException {
        // Blank out comments and strings, keeping line breaks so line numbers stay right.
        String code = blank(STRINGS, blank(COMMENTS, Files.readString(file)));
        List<String> violations = new ArrayList<>();
        Matcher names = TEGAMI_NAME.matcher(code);
        while (names.find()) {
            String first = names.group(1);
            if (!first.equals("api") && !first.equals(ownPackage)) {
                int line = 1 + (int) code.substring(0, names.start()).chars().filter(c -> c == '\n').count();
                violations.add(file + ":" + line + ": org.tegami." + first);
            }
        }
        return violations;
    }
}

package org.tegami.routing.alias;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tegami.api.ConfigException;
import org.tegami.routing.file.Parsed;

/**
 * Parses a {@code :include:} file: targets separated by commas or line ends, {@code #} lines
 * are comments; the same target syntax as aliases(5). A bad line is reported and skipped.
 * Pure: no file access.
 */
public final class IncludeFileParser {

    private IncludeFileParser() {
    }

    public static Parsed<List<AliasTarget>> parse(Path file, String content) {
        Path baseDir = file.toAbsolutePath().getParent();
        List<AliasTarget> targets = new ArrayList<>();
        List<ConfigException> problems = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            // Every line stands alone here: a line end separates targets like a comma.
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                targets.addAll(AliasTargetParser.parse(text, baseDir));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException(file, i + 1, e.getMessage() + "; line skipped"));
            }
        }
        return new Parsed<>(List.copyOf(targets), problems);
    }
}

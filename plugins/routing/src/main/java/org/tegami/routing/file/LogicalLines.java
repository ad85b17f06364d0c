package org.tegami.routing.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table file into logical lines the way aliases(5) and Postfix lookup tables do: a
 * line that starts with whitespace continues the previous entry; empty lines and lines whose
 * first non-blank character is {@code #} are ignored (also between an entry and its
 * continuation). A {@code #} later in a line is ordinary text.
 */
public final class LogicalLines {

    private LogicalLines() {
    }

    /**
     * @param content the whole file
     * @return the entries in file order
     */
    public static List<LogicalLine> split(String content) {
        List<LogicalLine> result = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        int number = 0;
        for (String raw : content.split("\r?\n", -1)) {
            number++;
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(raw.charAt(0));
            if (continuation && current != null) {
                current.append(' ').append(stripped);
                continue;
            }
            if (current != null) {
                result.add(new LogicalLine(start, current.toString()));
            }
            current = new StringBuilder(stripped);
            start = number;
        }
        if (current != null) {
            result.add(new LogicalLine(start, current.toString()));
        }
        return List.copyOf(result);
    }
}

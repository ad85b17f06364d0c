package org.tegami.api;

import java.nio.file.Path;

/**
 * A configuration problem an operator must fix: names the file and line when known.
 * The message reads {@code conf/tegami.conf:12: smtp.max-size: not a size: "lots"}.
 */
public class ConfigException extends Exception {

    private final transient Path file;
    private final int line;
    private final String reason;

    /**
     * @param file the file at fault, or {@code null}
     * @param line its 1-based line, or 0 when not known
     * @param reason what is wrong, in operator words
     */
    public ConfigException(Path file, int line, String reason) {
        super(format(file, line, reason));
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public ConfigException(String reason) {
        this(null, 0, reason);
    }

    private static String format(Path file, int line, String reason) {
        if (file == null) {
            return reason;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}

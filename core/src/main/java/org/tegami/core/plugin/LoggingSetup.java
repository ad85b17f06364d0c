package org.tegami.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lets the operator's {@code <conf>/tinylog.properties} replace the built-in logging setup.
 * tinylog reads its configuration once, at the first log call, from the system property
 * {@code tinylog.configuration} when set, else from {@code tinylog.properties} on the class
 * path (core's defaults). So {@link #useConfigDirectory} must run before anything logs; this
 * class itself never logs for that reason.
 */
public final class LoggingSetup {

    /** The system property tinylog reads its configuration file from. */
    public static final String PROPERTY = "tinylog.configuration";

    private LoggingSetup() {
    }

    /**
     * Points tinylog at {@code <configDirectory>/tinylog.properties} if that file exists and
     * no {@code -Dtinylog.configuration} was given on the command line (which wins).
     *
     * @return the file tinylog will read, when it is the operator's
     */
    public static Optional<Path> useConfigDirectory(Path configDirectory) {
        if (System.getProperty(PROPERTY) != null) {
            return Optional.empty();
        }
        Path file = configDirectory.resolve("tinylog.properties").toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        System.setProperty(PROPERTY, file.toString());
        return Optional.of(file);
    }
}

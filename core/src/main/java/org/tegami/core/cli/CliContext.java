package org.tegami.core.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command gets from the command line around it.
 *
 * @param configDirectory the {@code --conf} directory (default {@code conf})
 * @param in standard input (sendmail's message, {@code --password-stdin})
 * @param out standard output
 * @param err standard error, for one-line messages
 */
public record CliContext(Path configDirectory, InputStream in, PrintStream out, PrintStream err) {
}

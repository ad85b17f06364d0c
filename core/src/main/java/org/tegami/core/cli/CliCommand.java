package org.tegami.core.cli;

import java.util.List;

/**
 * One {@code tegami <command>}. Implementations parse their own arguments, print one-line
 * errors to {@link CliContext#err()}, and return the process exit code (0 success, 64 usage
 * error, 65 bad input, 75 temporary failure, 78 configuration error: sysexits(3)).
 */
public interface CliCommand {

    /** The word after {@code tegami}. */
    String name();

    /** One line for {@code tegami --help}. */
    String summary();

    /** Text for {@code tegami <command> --help}. */
    String usage();

    int run(List<String> args, CliContext context) throws Exception;
}

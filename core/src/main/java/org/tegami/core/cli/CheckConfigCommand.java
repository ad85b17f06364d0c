package org.tegami.core.cli;

import java.util.List;
import org.tegami.api.ConfigException;
import org.tegami.core.config.ConfigCheck;

/**
 * {@code tegami check-config}: reads {@code tegami.conf} and the users file and prints every
 * problem as {@code file:line: reason}. Exit 0 when clean, 78 otherwise.
 */
final class CheckConfigCommand implements CliCommand {

    @Override
    public String name() {
        return "check-config";
    }

    @Override
    public String summary() {
        return "check tegami.conf and the users file, report every problem";
    }

    @Override
    public String usage() {
        return "usage: tegami [--conf DIR] check-config\n"
                + "Reads DIR/tegami.conf and the users file and prints each problem as file:line: reason.\n"
                + "Exit status 0 when the configuration is clean, 78 otherwise.";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        if (!args.isEmpty()) {
            context.err().println("tegami check-config: unexpected argument '" + args.get(0) + "'");
            return ExitCodes.USAGE;
        }
        ConfigCheck check = new ConfigCheck(context.configDirectory());
        List<ConfigException> problems = check.problems(false);
        for (ConfigException problem : problems) {
            context.out().println(problem.getMessage());
        }
        if (problems.isEmpty()) {
            context.out().println(check.source().file() + ": ok");
            return ExitCodes.OK;
        }
        context.out().println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        return ExitCodes.CONFIG;
    }
}

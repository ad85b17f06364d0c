package org.tegami.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tegami.api.ConfigException;

/**
 * {@code java -jar tegami.jar [--conf DIR] <command> [args]}: finds the command and runs it.
 * {@code --conf} may also come after the command word.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(List.of(argv), new CliContext(Path.of("conf"), System.in, System.out, System.err)));
    }

    /** Runs a command line; returns the exit code. Used by tests in-process. */
    public static int run(List<String> argv, CliContext defaults) {
        List<String> args = new ArrayList<>();
        Path conf = defaults.configDirectory();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--conf") || a.equals("-C") && args.isEmpty()) {
                if (i + 1 >= argv.size()) {
                    defaults.err().println("tegami: --conf needs a directory");
                    return ExitCodes.USAGE;
                }
                conf = Path.of(argv.get(++i));
            } else if (a.startsWith("--conf=")) {
                conf = Path.of(a.substring("--conf=".length()));
            } else {
                args.add(a);
            }
        }
        CliContext context = new CliContext(conf, defaults.in(), defaults.out(), defaults.err());
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printHelp(context);
            return args.isEmpty() ? ExitCodes.USAGE : ExitCodes.OK;
        }
        Optional<CliCommand> command = Commands.find(args.get(0));
        if (command.isEmpty()) {
            context.err().println("tegami: unknown command '" + args.get(0) + "' (try tegami --help)");
            return ExitCodes.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            context.out().println(command.get().usage());
            return ExitCodes.OK;
        }
        try {
            return command.get().run(rest, context);
        } catch (ConfigException e) {
            context.err().println("tegami " + command.get().name() + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (Exception e) {
            context.err().println("tegami " + command.get().name() + ": " + describe(e));
            return ExitCodes.SOFTWARE;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void printHelp(CliContext context) {
        StringBuilder help = new StringBuilder();
        help.append("usage: tegami [--conf DIR] <command> [args]\n\ncommands:\n");
        for (CliCommand c : Commands.all()) {
            help.append(String.format("  %-14s %s%n", c.name(), c.summary()));
        }
        help.append("\n'tegami <command> --help' tells more. --conf defaults to ./conf.");
        context.out().println(help);
    }
}

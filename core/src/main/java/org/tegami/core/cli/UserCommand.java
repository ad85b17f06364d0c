package org.tegami.core.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tegami.api.ConfigException;
import org.tegami.api.UserAccount;
import org.tegami.core.auth.PasswdFileDirectory;
import org.tegami.core.auth.PasswdFileEditor;
import org.tegami.core.auth.PasswordHasher;
import org.tegami.core.config.ServerConfig;

/**
 * {@code tegami user add|passwd|del|list}: edits the users file named by {@code users.file}.
 * The running server picks the change up by itself.
 */
final class UserCommand implements CliCommand {

    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String summary() {
        return "add, change, delete or list mail users (conf/users)";
    }

    @Override
    public String usage() {
        return "usage: tegami [--conf DIR] user add NAME [--password-stdin]\n"
                + "       tegami [--conf DIR] user passwd NAME [--password-stdin]\n"
                + "       tegami [--conf DIR] user del NAME\n"
                + "       tegami [--conf DIR] user list\n"
                + "NAME is local@domain. Without --password-stdin the password is asked twice on the terminal;\n"
                + "with it, one line is read from standard input. New passwords are stored as {BLF-CRYPT}\n"
                + "with the cost auth.password-cost (default 12).";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        try {
            return dispatch(args, context);
        } catch (IOException e) {
            return fail(context, ExitCodes.IO_ERROR, "cannot update the users file: " + e.getMessage());
        }
    }

    private int dispatch(List<String> args, CliContext context) throws IOException {
        List<String> words = new ArrayList<>(args);
        boolean fromStdin = words.remove("--password-stdin");
        if (words.isEmpty()) {
            return usageError(context, "missing subcommand (add, passwd, del, list)");
        }
        String sub = words.get(0);
        if (sub.equals("list")) {
            return words.size() == 1 ? list(context) : usageError(context, "list takes no name");
        }
        if (!List.of("add", "passwd", "del").contains(sub)) {
            return usageError(context, "unknown subcommand '" + sub + "'");
        }
        if (words.size() != 2) {
            return usageError(context, sub + " needs exactly one NAME");
        }
        String name = words.get(1).toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            return fail(context, ExitCodes.DATA_ERROR, "'" + words.get(1) + "' is not a user name of the form local@domain");
        }
        ServerConfig config;
        try {
            config = ServerConfig.load(context.configDirectory());
        } catch (ConfigException e) {
            return fail(context, ExitCodes.CONFIG, e.getMessage());
        }
        PasswdFileEditor editor = new PasswdFileEditor(config.usersFile());
        if (sub.equals("del")) {
            return editor.remove(name) ? ok(context, "deleted " + name)
                    : fail(context, ExitCodes.NO_USER, "no such user: " + name);
        }
        boolean exists = new PasswdFileDirectory(config.usersFile()).find(name).isPresent();
        if (sub.equals("add") && exists) {
            return fail(context, ExitCodes.DATA_ERROR, "user already exists: " + name);
        }
        if (sub.equals("passwd") && !exists) {
            return fail(context, ExitCodes.NO_USER, "no such user: " + name);
        }
        String password;
        try {
            password = fromStdin ? readLine(context) : prompt();
        } catch (PasswordInputException e) {
            return fail(context, e.exitCode, e.getMessage());
        }
        String stored = new PasswordHasher(config.auth().passwordCost()).hash(password);
        if (sub.equals("add")) {
            if (!editor.add(name, stored)) {
                return fail(context, ExitCodes.DATA_ERROR, "user already exists: " + name);
            }
            String domain = name.substring(name.indexOf('@') + 1);
            if (!config.domains().contains(domain)) {
                context.err().println("tegami user: warning: " + domain + " is not in domains; mail to "
                        + name + " will not be delivered here");
            }
            return ok(context, "added " + name);
        }
        return editor.setPassword(name, stored) ? ok(context, "changed the password of " + name)
                : fail(context, ExitCodes.NO_USER, "no such user: " + name);
    }

    private int list(CliContext context) {
        ServerConfig config;
        try {
            config = ServerConfig.load(context.configDirectory());
        } catch (ConfigException e) {
            return fail(context, ExitCodes.CONFIG, e.getMessage());
        }
        PasswdFileDirectory directory = new PasswdFileDirectory(config.usersFile());
        directory.problems().forEach(p -> context.err().println("tegami user: warning: " + p.getMessage()));
        for (UserAccount account : directory.all()) {
            context.out().println(account.quotaBytes() > 0
                    ? account.name() + " quota=" + account.quotaBytes() : account.name());
        }
        return ExitCodes.OK;
    }

    private static String readLine(CliContext context) throws IOException, PasswordInputException {
        BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        String line = in.readLine();
        return checked(line == null ? "" : line);
    }

    private static String prompt() throws PasswordInputException {
        Console console = System.console();
        if (console == null) {
            throw new PasswordInputException(ExitCodes.USAGE,
                    "no terminal to ask for the password; use --password-stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new PasswordInputException(ExitCodes.DATA_ERROR, "the passwords do not match");
            }
            return checked(new String(first));
        } finally {
            Arrays.fill(first == null ? new char[0] : first, '\0');
            Arrays.fill(second == null ? new char[0] : second, '\0');
        }
    }

    private static String checked(String password) throws PasswordInputException {
        if (password.isEmpty()) {
            throw new PasswordInputException(ExitCodes.DATA_ERROR, "empty password");
        }
        return password;
    }

    private static int ok(CliContext context, String message) {
        context.out().println(message);
        return ExitCodes.OK;
    }

    private static int usageError(CliContext context, String message) {
        return fail(context, ExitCodes.USAGE, message + " (try tegami user --help)");
    }

    private static int fail(CliContext context, int code, String message) {
        context.err().println("tegami user: " + message);
        return code;
    }

    /** Why no password could be read. */
    private static final class PasswordInputException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient int exitCode;

        PasswordInputException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}

package org.tegami.core.cli;

import java.util.List;
import java.util.Optional;

/** The command table of {@code tegami}. */
final class Commands {

    private Commands() {
    }

    static List<CliCommand> all() {
        return List.of(
                new RunCommand(),
                new SendmailCommand(),
                new QueueCommand(),
                new UserCommand(),
                new DkimCommand(),
                new PluginsCommand(),
                new CheckConfigCommand(),
                new ReloadCommand()
        );
    }

    static Optional<CliCommand> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

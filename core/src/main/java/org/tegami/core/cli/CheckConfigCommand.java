package org.tegami.core.cli;

import java.util.ArrayList;
import java.util.List;
import org.tegami.api.ConfigException;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.TegamiExtension;
import org.tegami.core.config.ConfigCheck;
import org.tegami.core.plugin.LoadedExtension;
import org.tegami.core.plugin.PluginHost;
import org.tegami.core.plugin.PluginInfo;

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
        return "check tegami.conf, the users file and the plugins' settings";
    }

    @Override
    public String usage() {
        return "usage: tegami [--conf DIR] check-config\n"
                + "Reads DIR/tegami.conf and the users file, loads the plugins of plugins.dir so that each\n"
                + "checks its own settings, and prints each problem as file:line: reason.\n"
                + "Exit status 0 when the configuration is clean, 78 otherwise.";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        if (!args.isEmpty()) {
            context.err().println("tegami check-config: unexpected argument '" + args.get(0) + "'");
            return ExitCodes.USAGE;
        }
        ConfigCheck check = new ConfigCheck(context.configDirectory());
        List<ConfigException> problems = new ArrayList<>();
        try (PluginHost plugins = new PluginHost(check.server().pluginsDir())) {
            plugins.load();
            addPlugins(check, plugins, problems);
            problems.addAll(check.problems(true));
        }
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

    /** Lets every plugin read its settings and claim its listeners' keys, so the rest are unknown. */
    private static void addPlugins(ConfigCheck check, PluginHost plugins, List<ConfigException> problems) {
        for (PluginInfo plugin : plugins.plugins()) {
            plugin.failure().ifPresent(reason -> problems.add(
                    new ConfigException(plugin.path(), 0, "plugin " + plugin.id() + " failed to load: " + reason)));
        }
        for (LoadedExtension<TegamiExtension> e : plugins.extensions(TegamiExtension.class)) {
            check.extension(e.pluginId(), e.extension()::configure);
            if (e.extension() instanceof ProtocolHandler handler) {
                handler.listeners().forEach(check::listener);
            }
        }
    }
}

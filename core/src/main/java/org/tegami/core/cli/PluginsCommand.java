package org.tegami.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tegami.api.ConfigException;
import org.tegami.core.config.ServerConfig;
import org.tegami.core.plugin.PluginHost;
import org.tegami.core.plugin.PluginInfo;

/**
 * {@code tegami plugins}: loads the plugins from {@code plugins.dir} the way the server does
 * (no daemon needed) and lists each with its version, state and extensions. Extensions are
 * created but not configured or started.
 */
final class PluginsCommand implements CliCommand {

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list the plugins in plugins.dir with versions, state and extensions";
    }

    @Override
    public String usage() {
        return """
                usage: tegami [--conf DIR] plugins

                Loads the plugins from plugins.dir (config key in DIR/tegami.conf, default
                'plugins' beside DIR) and lists each with its version, state and extensions,
                with the extension points they implement. A plugin that fails to load or start
                is listed with the reason. Exit status 0 when all run, 70 when one failed.""";
    }

    @Override
    public int run(List<String> args, CliContext context) throws Exception {
        if (!args.isEmpty()) {
            context.err().println("tegami plugins: takes no arguments (try tegami plugins --help)");
            return ExitCodes.USAGE;
        }
        Path directory;
        try {
            directory = ServerConfig.load(context.configDirectory()).pluginsDir();
        } catch (ConfigException e) {
            context.err().println("tegami plugins: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        List<PluginInfo> plugins;
        try (PluginHost host = new PluginHost(directory)) {
            host.load();
            plugins = host.plugins();
        }
        context.out().println("plugins in " + directory + ": " + plugins.size());
        boolean failed = false;
        for (PluginInfo plugin : plugins) {
            context.out().println(plugin.id() + (plugin.version().isEmpty() ? "" : " " + plugin.version())
                    + " " + plugin.state() + plugin.failure().map(f -> ": " + f).orElse(""));
            failed |= plugin.failure().isPresent();
            for (PluginInfo.ExtensionInfo extension : plugin.extensions()) {
                context.out().println("  " + extension.className() + " (" + String.join(", ", extension.extensionPoints()) + ")"
                        + extension.failure().map(f -> " FAILED " + f).orElse(""));
                failed |= extension.failure().isPresent();
            }
        }
        return failed ? ExitCodes.SOFTWARE : ExitCodes.OK;
    }

}

package org.tegami.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            directory = pluginsDirectory(context.configDirectory());
        } catch (IOException e) {
            context.err().println("tegami plugins: cannot read " + e.getMessage());
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

    /**
     * The {@code plugins.dir} key of {@code <conf>/tegami.conf}, relative to the installation
     * root (the parent of the conf folder); default {@code plugins}. Reads only that key.
     */
    private static Path pluginsDirectory(Path configDirectory) throws IOException {
        Path conf = configDirectory.toAbsolutePath().normalize();
        Path root = conf.getParent() == null ? conf : conf.getParent();
        String value = "plugins";
        Path file = conf.resolve("tegami.conf");
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String text = line.strip();
                    int equals = text.indexOf('=');
                    if (!text.startsWith("#") && equals > 0 && text.substring(0, equals).strip().equals("plugins.dir")) {
                        String v = text.substring(equals + 1).strip();
                        value = v.isEmpty() ? "plugins" : v;
                    }
                }
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return root.resolve(value).normalize();
    }
}

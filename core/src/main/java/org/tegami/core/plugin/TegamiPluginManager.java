package org.tegami.core.plugin;

import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginRepository;
import org.pf4j.RuntimeMode;

/** PF4J's default manager reading plugin jars from {@link PluginJars}, always in deployment mode. */
final class TegamiPluginManager extends DefaultPluginManager {

    TegamiPluginManager(Path pluginsDirectory) {
        super(pluginsDirectory);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Called from the super constructor: only the inherited plugin roots are set yet.
        return new PluginJars(getPluginsRoot());
    }

    /** The folder layout is ours, so PF4J's development mode (class folders) does not apply. */
    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    PluginJars jars() {
        return (PluginJars) pluginRepository;
    }
}

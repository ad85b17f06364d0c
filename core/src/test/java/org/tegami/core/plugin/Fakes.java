package org.tegami.core.plugin;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;

/** Minimal Settings and ServerContext that record which plugin asked. */
final class Fakes {

    final List<String> settingsFor = new CopyOnWriteArrayList<>();
    final List<String> contextFor = new CopyOnWriteArrayList<>();

    /** Settings whose {@code string} answers {@code "<key>-of-<plugin>"}. */
    Settings settings(String pluginId) {
        settingsFor.add(pluginId);
        return (Settings) Proxy.newProxyInstance(Settings.class.getClassLoader(), new Class<?>[] {Settings.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "string" -> args[0] + "-of-" + pluginId;
                    case "get" -> Optional.empty();
                    case "toString" -> "settings of " + pluginId;
                    default -> args[1];
                });
    }

    /** A context whose hostname is {@code mx.test}. */
    ServerContext context(String pluginId) {
        contextFor.add(pluginId);
        return (ServerContext) Proxy.newProxyInstance(ServerContext.class.getClassLoader(),
                new Class<?>[] {ServerContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hostname" -> "mx.test";
                    case "tls" -> Optional.empty();
                    case "toString" -> "context of " + pluginId;
                    default -> null;
                });
    }
}

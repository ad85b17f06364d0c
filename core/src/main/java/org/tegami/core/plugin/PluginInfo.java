package org.tegami.core.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code tegami plugins} shows about one plugin.
 *
 * @param id the plugin id, or the jar's file name when not even its descriptor could be read
 * @param version the plugin version, empty when unknown
 * @param state PF4J's state ({@code STARTED}, {@code STOPPED}, {@code DISABLED}, {@code FAILED}, ...)
 * @param path the jar it came from
 * @param failure why it failed to load or start, if it did
 * @param extensions its extensions
 */
public record PluginInfo(String id, String version, String state, Path path, Optional<String> failure,
        List<ExtensionInfo> extensions) {

    /**
     * One extension of a plugin.
     *
     * @param className the implementing class
     * @param extensionPoints the simple names of the extension points it implements, e.g. {@code ProtocolHandler}
     * @param state {@code LOADED}, {@code CONFIGURED}, {@code STARTED}, {@code STOPPED} or {@code FAILED}
     * @param failure why it was dropped, if it was
     */
    public record ExtensionInfo(String className, List<String> extensionPoints, String state, Optional<String> failure) {
    }
}

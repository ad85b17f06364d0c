package org.tegami.core.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.PluginRepository;

/**
 * Where plugins come from: jars directly in {@code plugins.dir} (dropped there by an operator)
 * and the repository's build layout {@code plugins.dir/<name>/target/tegami-plugin-*.jar},
 * so the bundled plugins load after a plain {@code mvn package} with {@code plugins.dir =
 * plugins}. Never deletes anything.
 */
final class PluginJars implements PluginRepository {

    private final Path directory;

    PluginJars(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Path> getPluginPaths() {
        List<Path> paths = new ArrayList<>(droppedJars());
        paths.addAll(builtJars());
        return paths;
    }

    /** Jars directly in the plugins folder, sorted by name. */
    List<Path> droppedJars() {
        return list(directory, "*.jar");
    }

    private List<Path> builtJars() {
        List<Path> jars = new ArrayList<>();
        for (Path module : list(directory, "*")) {
            Path target = module.resolve("target");
            if (Files.isDirectory(module) && Files.isDirectory(target)) {
                jars.addAll(list(target, "tegami-plugin-*.jar"));
            }
        }
        return jars;
    }

    private static List<Path> list(Path folder, String glob) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            // An unreadable folder holds no plugins we could load; the caller logs what it found.
        }
        found.sort(null);
        return found;
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        return false;
    }

    /** The {@code Plugin-Id} in a jar's manifest, to name a plugin that failed to load. */
    static Optional<String> declaredId(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id"))
                    .filter(id -> !id.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

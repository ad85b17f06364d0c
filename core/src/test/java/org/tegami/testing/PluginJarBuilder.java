package org.tegami.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar for tests: compiles Java sources given as strings against the
 * test class path (so they can use {@code org.tegami.api} and {@code org.pf4j}), runs PF4J's
 * extension annotation processor (which writes {@code META-INF/extensions.idx} for each
 * {@code @Extension}), and writes the plugin descriptor into the manifest, as the bundled
 * plugins' build does.
 *
 * <pre>{@code
 * Path jar = new PluginJarBuilder("hello")
 *         .source("test.hello.HelloRouter", "package test.hello; ... @Extension public class HelloRouter ...")
 *         .buildInto(pluginsDir);
 * }</pre>
 */
public final class PluginJarBuilder {

    private static final Map<String, byte[]> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    private final String pluginId;
    private String version = "1.0.0";
    private String pluginClass;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();

    public PluginJarBuilder(String pluginId) {
        this.pluginId = pluginId;
    }

    public PluginJarBuilder version(String pluginVersion) {
        this.version = pluginVersion;
        return this;
    }

    /** The {@code Plugin-Class}: a subclass of {@code org.pf4j.Plugin} among the sources. */
    public PluginJarBuilder pluginClass(String className) {
        this.pluginClass = className;
        return this;
    }

    /** A Java source file, by the fully qualified name of its top-level class. */
    public PluginJarBuilder source(String className, String javaSource) {
        sources.put(className, javaSource);
        return this;
    }

    /** A file put into the jar as it is, e.g. {@code META-INF/services/...}. */
    public PluginJarBuilder resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Builds {@code tegami-plugin-<id>.jar} in {@code directory}, written beside it and renamed
     * into place so that a watcher never sees it half-written.
     */
    public Path buildInto(Path directory) throws IOException {
        Path target = directory.resolve("tegami-plugin-" + pluginId + ".jar");
        Path partial = Files.createTempFile(directory, ".building-", ".tmp");
        build(partial);
        return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Builds the jar at {@code jarFile}. The same inputs built again in this JVM reuse the
     * first build's bytes, so tests that need one plugin many times compile it once.
     */
    public Path build(Path jarFile) throws IOException {
        String key = pluginId + '\0' + version + '\0' + pluginClass + '\0' + sources + '\0'
                + resources.entrySet().stream().map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue())).toList();
        byte[] built = BUILT.get(key);
        if (built == null) {
            built = compileAndPack(jarFile.toAbsolutePath().getParent());
            BUILT.put(key, built);
        }
        return Files.write(jarFile, built);
    }

    private byte[] compileAndPack(Path workDirectory) throws IOException {
        Path classes = Files.createTempDirectory(workDirectory, ".classes-");
        Path jarFile = Files.createTempFile(workDirectory, ".jar-", ".tmp");
        try {
            compile(classes);
            writeJar(classes, jarFile);
            return Files.readAllBytes(jarFile);
        } finally {
            Files.deleteIfExists(jarFile);
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: tests need a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SourceString(name, text)));
        List<String> options = List.of("-d", classes.toString(), "-classpath", classPath(),
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-Xlint:none", "-nowarn");
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Boolean ok = compiler.getTask(diagnostics, files, null, options, null, units).call();
            if (!Boolean.TRUE.equals(ok)) {
                throw new IllegalStateException("plugin " + pluginId + " does not compile:\n" + diagnostics);
            }
        }
    }

    private void writeJar(Path classes, Path jarFile) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", pluginId);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", "Tegami tests");
        if (pluginClass != null) {
            main.putValue("Plugin-Class", pluginClass);
        }
        try (OutputStream file = Files.newOutputStream(jarFile);
                JarOutputStream jar = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, jar);
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                jar.putNextEntry(new JarEntry(resource.getKey()));
                jar.write(resource.getValue());
                jar.closeEntry();
            }
        }
    }

    /**
     * The test class path, plus the locations of the API, PF4J and tinylog: surefire may start
     * the tests with a manifest-only jar as the whole {@code java.class.path}.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        for (String anchor : List.of("org.tegami.api.TegamiExtension", "org.pf4j.Plugin", "org.tinylog.Logger")) {
            try {
                Class<?> type = Class.forName(anchor);
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
                // not on this class path: sources that need it will not compile, and say so
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static final class SourceString extends SimpleJavaFileObject {
        private final String text;

        SourceString(String className, String text) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

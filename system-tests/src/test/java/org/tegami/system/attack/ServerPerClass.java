package org.tegami.system.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link AttackServer} for all tests of a class, as a JUnit extension registered in a static
 * field: started in a folder of its own before the class's {@code @BeforeAll} methods, and after
 * its {@code @AfterAll} methods checked to still serve a plain client (when asked) and to have
 * logged no ERROR, then stopped. Its log is kept as {@code target/attack-logs/<class>.log}.
 */
final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides;
    private final Consumer<AttackServer> started;
    private String servesFrom;
    private Path dir;
    private AttackServer server;

    /**
     * @param overrides configuration keys replacing or adding to the attack configuration
     * @param started given the running server, e.g. to keep it in a static field of the test class
     */
    ServerPerClass(Map<String, String> overrides, Consumer<AttackServer> started) {
        this.overrides = Map.copyOf(overrides);
        this.started = started;
    }

    /** At the end, also checks that a new client from {@code source} is still served. */
    ServerPerClass servingAtTheEnd(String source) {
        this.servesFrom = source;
        return this;
    }

    /** The folder the server's installation lives in. */
    Path dir() {
        return dir;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("tegami-attack-");
        server = AttackServer.start(dir, overrides, context.getRequiredTestClass().getSimpleName());
        started.accept(server);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (servesFrom != null) {
                server.assertServes(servesFrom);
            }
        } finally {
            server.closeAndAssertNoErrors();
        }
        deleteTree(dir);
    }

    /** Only after a clean run: a failed one leaves its folder for a look. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

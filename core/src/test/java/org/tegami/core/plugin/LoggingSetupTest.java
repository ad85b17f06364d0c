package org.tegami.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingSetupTest {

    @TempDir
    Path conf;

    private String saved;

    @BeforeEach
    void clearProperty() {
        saved = System.clearProperty(LoggingSetup.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(LoggingSetup.PROPERTY);
        } else {
            System.setProperty(LoggingSetup.PROPERTY, saved);
        }
    }

    @Test
    void pointsTinylogAtTheOperatorsFile() throws Exception {
        Path file = Files.writeString(conf.resolve("tinylog.properties"), "writer = console\n");
        assertEquals(Optional.of(file.toAbsolutePath()), LoggingSetup.useConfigDirectory(conf));
        assertEquals(file.toAbsolutePath().toString(), System.getProperty(LoggingSetup.PROPERTY));
    }

    @Test
    void keepsTheBuiltInDefaultsWithoutAFile() {
        assertTrue(LoggingSetup.useConfigDirectory(conf).isEmpty());
        assertEquals(null, System.getProperty(LoggingSetup.PROPERTY));
    }

    @Test
    void anExplicitPropertyWins() throws Exception {
        Files.writeString(conf.resolve("tinylog.properties"), "writer = console\n");
        System.setProperty(LoggingSetup.PROPERTY, "/elsewhere/tinylog.properties");
        assertTrue(LoggingSetup.useConfigDirectory(conf).isEmpty());
        assertEquals("/elsewhere/tinylog.properties", System.getProperty(LoggingSetup.PROPERTY));
    }
}

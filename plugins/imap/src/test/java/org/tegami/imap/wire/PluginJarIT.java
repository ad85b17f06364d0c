package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged plugin jar carries the PF4J descriptor and the extension index. */
class PluginJarIT {

    @Test
    void jarHasDescriptorAndExtensionIndex() throws Exception {
        try (JarFile jar = new JarFile(Path.of("target/tegami-plugin-imap.jar").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("imap", main.getValue("Plugin-Id"));
            assertEquals("org.tegami.imap.ImapPlugin", main.getValue("Plugin-Class"));
            assertNotNull(main.getValue("Plugin-Version"));
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(index.contains("org.tegami.imap.ImapService"), index);
        }
    }
}

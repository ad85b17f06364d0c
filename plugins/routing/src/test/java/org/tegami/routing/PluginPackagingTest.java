package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin's shape: PF4J finds its routers, and it uses nothing of core but the API. */
class PluginPackagingTest {

    @Test
    void theAnnotationProcessorListsEveryRouter() throws IOException {
        // The test classes get an index of their own (empty); read every one on the class path.
        List<String> names = new ArrayList<>();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(names::add);
            }
        }
        assertEquals(List.of(AliasRouter.class.getName(), LocalUserRouter.class.getName(),
                RejectRuleRouter.class.getName(), RelayRuleRouter.class.getName(),
                VirtualAliasRouter.class.getName()), names.stream().sorted().toList(),
                "META-INF/extensions.idx: is the PF4J annotation processor running?");
    }

    @Test
    void importsNothingFromCoreButTheApi() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if (l.matches("import (static )?org\\.tegami\\..*")
                            && !l.matches("import (static )?org\\.tegami\\.(api|routing)\\..*")) {
                        offenders.add(file + ": " + l);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), offenders.toString());
    }
}

package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {

    private static final List<String> LISTENERS = List.of("smtp", "submission", "imap");
    private static final List<String> PLUGINS = List.of("smtp", "routing", "imap");

    @Test
    void sameValuesInAnotherOrderAreNoChange() {
        ConfigChanges c = ConfigChanges.between(Map.of("a", "1", "smtp.max-size", "5M"),
                Map.of("smtp.max-size", "5M", "a", "1"), LISTENERS, PLUGINS);
        assertTrue(c.isEmpty());
    }

    @Test
    void aListenerKeyMovesTheListenerWithoutTouchingThePluginOfTheSameName() {
        ConfigChanges c = ConfigChanges.between(Map.of("smtp.listen", "127.0.0.1:25"),
                Map.of("smtp.listen", "127.0.0.1:2525"), LISTENERS, PLUGINS);
        assertEquals(new ConfigChanges(Set.of("smtp"), Set.of(), Set.of()), c);
    }

    @Test
    void addedRemovedAndChangedKeysAreSortedByOwner() {
        ConfigChanges c = ConfigChanges.between(
                Map.of("domains", "localhost", "routing.aliases", "conf/aliases", "imap.listen", "", "queue.workers", "4"),
                Map.of("domains", "localhost, example.org", "smtp.max-size", "5M", "imap.listen", "127.0.0.1:143",
                        "queue.workers", "4", "submission.listen", ""),
                LISTENERS, PLUGINS);
        assertEquals(Set.of("imap", "submission"), c.listeners());
        assertEquals(Set.of("routing", "smtp"), c.plugins());
        assertEquals(Set.of("domains"), c.core());
    }

    @Test
    void keysOfAnUnknownPrefixCountAsCore() {
        ConfigChanges c = ConfigChanges.between(Map.of(), Map.of("nosuch.key", "1", "pop3.listen", "x"), LISTENERS, PLUGINS);
        assertEquals(Set.of("nosuch.key", "pop3.listen"), c.core());
    }
}

package org.tegami.pop3.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UniqueIdTest {

    @Test
    void maildirBaseNameIsTheUniqueId() {
        assertEquals("1764000000.M1P2Q3.mail", UniqueId.of("1764000000.M1P2Q3.mail"));
    }

    @Test
    void namesOutsideRfc1939AreHashedStably() {
        String longName = "1764000000.Q0123456789abcdef." + "h".repeat(60);
        String id = UniqueId.of(longName);
        assertEquals(id, UniqueId.of(longName));
        assertTrue(id.length() <= 70 && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e), id);
        assertNotEquals(id, UniqueId.of("with space"));
        assertTrue(UniqueId.of("with space").matches("H[0-9a-f]{48}"));
    }
}

package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    private static Capabilities of(String... lines) {
        return Capabilities.fromEhlo(new RemoteReply(250, null, List.of(lines)));
    }

    @Test
    void readsKeywordsCaseInsensitively() {
        Capabilities c = of("mx.test greets you", "pipelining", "8BITMIME", "StartTLS");
        assertTrue(c.has("PIPELINING"));
        assertTrue(c.has("starttls"));
        assertTrue(c.has("8bitmime"));
        assertFalse(c.has("SMTPUTF8"));
    }

    @Test
    void theGreetingLineIsNoKeyword() {
        assertFalse(of("DSN").has("DSN"));
    }

    @Test
    void readsTheSizeLimit() {
        assertEquals(52428800, of("mx", "SIZE 52428800").sizeLimit());
        assertEquals(0, of("mx", "SIZE").sizeLimit());
        assertEquals(0, of("mx", "SIZE lots").sizeLimit());
        assertEquals(0, of("mx").sizeLimit());
    }

    @Test
    void mergesAuthLinesOfBothForms() {
        Capabilities c = of("mx", "AUTH PLAIN login", "AUTH=LOGIN CRAM-MD5");
        assertEquals(Set.of("PLAIN", "LOGIN", "CRAM-MD5"), c.authMechanisms());
    }

    @Test
    void heloSessionsHaveNothing() {
        assertFalse(Capabilities.NONE.has("PIPELINING"));
        assertTrue(Capabilities.NONE.authMechanisms().isEmpty());
    }
}

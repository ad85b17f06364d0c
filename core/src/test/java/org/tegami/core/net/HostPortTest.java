package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesTheListenerForms() {
        assertEquals(new InetSocketAddress("127.0.0.1", 2525), HostPort.parse("127.0.0.1:2525"));
        assertEquals(new InetSocketAddress("::1", 143), HostPort.parse(" [::1]:143 "));
        assertTrue(HostPort.parse("*:25").getAddress().isAnyLocalAddress());
        assertTrue(HostPort.parse(":25").getAddress().isAnyLocalAddress());
        assertEquals(0, HostPort.parse("127.0.0.1:0").getPort());
    }

    @Test
    void rejectsWhatIsNotAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("2525"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("127.0.0.1:smtp"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("127.0.0.1:70000"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("::1:25"));
    }
}

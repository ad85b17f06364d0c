package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void parsesHostsAndIpv6InBrackets() {
        assertEquals(new HostPort("127.0.0.1", 2525), HostPort.parse("127.0.0.1:2525", -1));
        assertEquals(new HostPort("::1", 143), HostPort.parse("[::1]:143", -1));
        assertEquals(new HostPort("mail.example.org", 0), HostPort.parse(" mail.example.org:0 ", -1));
        assertEquals(new HostPort("10.0.0.53", 53), HostPort.parse("10.0.0.53", 53));
        assertEquals(new HostPort("fe80::1", 53), HostPort.parse("[fe80::1]", 53));
        assertEquals("[::1]:143", new HostPort("::1", 143).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", ":25", "host:", "host:x", "host:70000", "::1:25", "[::1", "[::1]25",
        "[127.0.0.1]:25", "a b:25"})
    void rejectsMalformedAddresses(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse(value, -1));
        assertEquals(true, e.getMessage().startsWith("not host:port"), e.getMessage());
    }
}

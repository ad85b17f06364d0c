package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NextHopTest {

    @Test
    void plainNameMeansMxLookup() {
        assertEquals(new NextHop("example.net", 25, true), NextHop.parse("Example.NET", 25));
        assertEquals(new NextHop("example.net", 587, true), NextHop.parse("example.net:587", 25));
    }

    @Test
    void bracketsMeanNoMxLookup() {
        assertEquals(new NextHop("smtp.example.net", 25, false), NextHop.parse("[smtp.example.net]", 25));
        assertEquals(new NextHop("smtp.example.net", 587, false), NextHop.parse("[smtp.example.net]:587", 25));
    }

    @Test
    void addressLiterals() {
        NextHop v4 = NextHop.parse("[192.0.2.1]:2525", 25);
        assertTrue(v4.isAddressLiteral());
        assertEquals(2525, v4.port());
        NextHop v6 = NextHop.parse("[IPv6:2001:db8::1]:25", 25);
        assertEquals("2001:db8::1", v6.host());
        assertTrue(v6.isAddressLiteral());
        assertFalse(NextHop.parse("mail.example.net", 25).isAddressLiteral());
    }

    @Test
    void refusesMalformedHops() {
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse("", 25));
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse("[host", 25));
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse("[host]587", 25));
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse("host:port", 25));
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse("host:70000", 25));
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse("2001:db8::1", 25));
        assertThrows(IllegalArgumentException.class, () -> NextHop.parse(":25", 25));
    }

    @Test
    void printsInPostfixForm() {
        assertEquals("[smtp.example.net]:587", NextHop.parse("[smtp.example.net]:587", 25).toString());
        assertEquals("example.net:25", NextHop.parse("example.net", 25).toString());
    }
}

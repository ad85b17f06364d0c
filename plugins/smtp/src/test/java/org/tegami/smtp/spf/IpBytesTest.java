package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpBytesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::cb01", "::", "::1", "1::", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1",
        "1:2:3:4:5:6:192.0.2.1", "fe80::1:2", "2001:DB8:0:0:0:0:0:1"})
    void parsesIpv6FormsLikeTheJdk(String text) {
        assertArrayEquals(FakeDns.literal(text).getAddress().length == 4
                ? mapped(FakeDns.literal(text).getAddress()) : FakeDns.literal(text).getAddress(), IpBytes.parseIp6(text));
    }

    private static byte[] mapped(byte[] four) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xFF;
        out[11] = (byte) 0xFF;
        System.arraycopy(four, 0, out, 12, 4);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "g::1",
        "1.2.3.4", "::1.2.3", "1:2:3:4:5:6:7::8:9", ":1::", "example.com", "::1.2.3.256"})
    void rejectsBadIpv6(String text) {
        assertNull(IpBytes.parseIp6(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1..2.3", "1.2.3.4 "})
    void rejectsBadIpv4(String text) {
        assertNull(IpBytes.parseIp4(text));
    }

    @Test
    void comparesPrefixes() {
        byte[] net = IpBytes.parseIp4("192.0.2.0");
        assertTrue(IpBytes.inPrefix(IpBytes.parseIp4("192.0.2.200"), net, 24));
        assertFalse(IpBytes.inPrefix(IpBytes.parseIp4("192.0.3.1"), net, 24));
        assertTrue(IpBytes.inPrefix(IpBytes.parseIp4("192.0.3.1"), net, 23));
        assertTrue(IpBytes.inPrefix(IpBytes.parseIp4("10.9.9.9"), net, 0));
        assertFalse(IpBytes.inPrefix(IpBytes.parseIp6("::"), net, 0), "families never match");
        assertTrue(IpBytes.inPrefix(IpBytes.parseIp6("2001:db8:1::5"), IpBytes.parseIp6("2001:db8::"), 32));
        assertFalse(IpBytes.inPrefix(IpBytes.parseIp6("2001:db8:1::5"), IpBytes.parseIp6("2001:db8::"), 48));
    }

    @Test
    void mappedAddressIsIpv4() throws Exception {
        byte[] bytes = mapped(new byte[] {(byte) 192, 0, 2, 7});
        InetAddress v6 = Inet6Address.getByAddress(null, bytes, -1);
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 7}, IpBytes.of(v6));
    }

    @Test
    void textForms() {
        assertEquals("192.0.2.3", IpBytes.text(IpBytes.parseIp4("192.0.2.3")));
        assertEquals("2001:db8::cb01", IpBytes.text(IpBytes.parseIp6("2001:db8:0:0:0:0:0:cb01")));
        assertEquals("2001:db8:0:1:1:1:1:1", IpBytes.text(IpBytes.parseIp6("2001:db8:0:1:1:1:1:1")), "5952 4.2.2");
        assertEquals("2001:0:0:1::1", IpBytes.text(IpBytes.parseIp6("2001:0:0:1:0:0:0:1")), "5952 4.2.3");
        assertEquals("::", IpBytes.text(new byte[16]));
        assertEquals("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2",
                new StringBuilder(IpBytes.dotted(IpBytes.parseIp6("2001:db8::cb01"))).reverse().toString());
    }
}

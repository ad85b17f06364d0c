package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressBlockTest {

    @Test
    void ipv4BlocksHoldTheirAddressesAndMappedOnes() throws Exception {
        AddressBlock loopback = AddressBlock.parse("127.0.0.0/8");
        assertTrue(loopback.contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(loopback.contains(InetAddress.getByName("127.255.1.2")));
        assertTrue(loopback.contains(InetAddress.getByName("::ffff:127.0.0.1")));
        assertFalse(loopback.contains(InetAddress.getByName("128.0.0.1")));
        assertFalse(loopback.contains(InetAddress.getByName("::1")));
        assertEquals("127.0.0.0/8", loopback.toString());
    }

    @Test
    void ipv6BlocksAndSingleAddresses() throws Exception {
        AddressBlock net = AddressBlock.parse("2001:db8::/32");
        assertTrue(net.contains(InetAddress.getByName("2001:db8:ffff::1")));
        assertFalse(net.contains(InetAddress.getByName("2001:db9::1")));
        assertFalse(net.contains(InetAddress.getByName("192.0.2.1")));
        AddressBlock one = AddressBlock.parse("::1");
        assertTrue(one.contains(InetAddress.getByName("::1")));
        assertFalse(one.contains(InetAddress.getByName("::2")));
        assertTrue(AddressBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "2001:db8::/129", "10.0.0/8", "10.0.0.0/", "10.0.0.0/x", "", "1.2.3.4/-1"})
    void badBlocksAreRefusedWithTheirText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}

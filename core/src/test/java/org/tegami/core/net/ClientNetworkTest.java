package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void ipv4IsCountedByItsAddress() throws Exception {
        assertEquals(ip("192.0.2.7"), ClientNetwork.of(ip("192.0.2.7")));
        assertNotEquals(ClientNetwork.of(ip("192.0.2.7")), ClientNetwork.of(ip("192.0.2.8")));
    }

    @Test
    void ipv6IsCountedByItsSlash64() throws Exception {
        assertEquals(ip("2001:db8:1:2::"), ClientNetwork.of(ip("2001:db8:1:2:a:b:c:d")));
        assertEquals(ClientNetwork.of(ip("2001:db8:1:2::1")), ClientNetwork.of(ip("2001:db8:1:2:ffff::9")));
        assertNotEquals(ClientNetwork.of(ip("2001:db8:1:2::1")), ClientNetwork.of(ip("2001:db8:1:3::1")));
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() throws Exception {
        assertEquals(ip("192.0.2.7"), ClientNetwork.of(ip("::ffff:192.0.2.7")));
    }
}

package org.tegami.smtp.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlocklistQueryTest {

    @Test
    void ipv4OctetsAreReversed() throws Exception {
        // RFC 5782 2.1's example
        assertEquals("99.2.0.192.bl.example", BlocklistQuery.name(InetAddress.getByName("192.0.2.99"), "bl.example"));
    }

    @Test
    void ipv6NibblesAreReversed() throws Exception {
        // RFC 5782 2.4's example
        assertEquals("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.example",
                BlocklistQuery.name(InetAddress.getByName("2001:db8:1:2:3:4:567:89ab"), "bl.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2", "127.0.0.4", "127.0.1.2", "127.1.0.10"})
    void answersInLoopbackList(String answer) throws Exception {
        assertTrue(BlocklistQuery.lists(InetAddress.getByName(answer)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.255.255.252", "127.255.255.254", "127.255.255.255", "192.0.2.1", "::1"})
    void errorCodesAndOtherAddressesDoNot(String answer) throws Exception {
        assertFalse(BlocklistQuery.lists(InetAddress.getByName(answer)));
    }
}

package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void limitsPerClientAndInTotalAndGivesSlotsBack() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(3, 2);
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("192.0.2.1")));
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("192.0.2.1")));
        assertEquals(ConnectionLimiter.Verdict.ADDRESS_LIMIT, limiter.tryAcquire(ip("192.0.2.1")));
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("192.0.2.2")));
        assertEquals(ConnectionLimiter.Verdict.TOTAL_LIMIT, limiter.tryAcquire(ip("192.0.2.3")));

        limiter.release(ip("192.0.2.1"));
        assertEquals(2, limiter.total());
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("192.0.2.1")));
    }

    @Test
    void addressesOfOneIpv6Slash64ShareTheirAllowance() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(100, 2);
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("2001:db8:0:1::a")));
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("2001:db8:0:1::b")));
        assertEquals(ConnectionLimiter.Verdict.ADDRESS_LIMIT, limiter.tryAcquire(ip("2001:db8:0:1:1:2:3:4")));
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("2001:db8:0:2::a")));

        limiter.release(ip("2001:db8:0:1::a"));
        assertEquals(ConnectionLimiter.Verdict.ADMITTED, limiter.tryAcquire(ip("2001:db8:0:1::c")));
    }
}

package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tegami.api.Reply;

class HostMemoryTest {

    private static final Reply REFUSED = Reply.of(451, "4.4.1", "connect refused");

    @Test
    void remembersADownAddressUntilItsTimeRunsOut() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        HostMemory memory = new HostMemory(Duration.ofMillis(100));
        memory.markDown(a, 25, REFUSED);

        assertEquals(REFUSED, memory.downReason(a, 25));
        assertNull(memory.downReason(a, 587), "another port is another server");
        Thread.sleep(150);
        assertNull(memory.downReason(a, 25));
    }

    @Test
    void anAnswerClearsTheMark() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        HostMemory memory = new HostMemory(Duration.ofMinutes(1));
        memory.markDown(a, 25, REFUSED);
        memory.markUp(a, 25);

        assertNull(memory.downReason(a, 25));
    }

    @Test
    void zeroTimeRemembersNothing() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        HostMemory memory = new HostMemory(Duration.ZERO);
        memory.markDown(a, 25, REFUSED);

        assertNull(memory.downReason(a, 25));
    }
}

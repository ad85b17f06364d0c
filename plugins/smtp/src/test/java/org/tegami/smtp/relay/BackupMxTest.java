package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5321 5.1: a server that is itself an MX host tries only better ones. */
class BackupMxTest {

    private static MxResolver.MxHost host(String name, int preference) {
        return new MxResolver.MxHost(name, preference, List.of());
    }

    private static final List<MxResolver.MxHost> HOSTS = List.of(host("a.test", 10), host("b.test", 10),
            host("self.test", 20), host("c.test", 20), host("d.test", 30));

    @Test
    void keepsOnlyHostsOfLowerPreferenceThanItself() {
        assertEquals(List.of(host("a.test", 10), host("b.test", 10)), HopDelivery.belowSelf(HOSTS, "SELF.test"));
    }

    @Test
    void keepsEverythingWhenNotListed() {
        assertEquals(HOSTS, HopDelivery.belowSelf(HOSTS, "other.test"));
    }

    @Test
    void leavesNothingWhenItIsTheBest() {
        assertTrue(HopDelivery.belowSelf(List.of(host("self.test", 10), host("x.test", 20)), "self.test").isEmpty());
    }
}

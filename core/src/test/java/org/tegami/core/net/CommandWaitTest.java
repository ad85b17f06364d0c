package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommandWaitTest {

    private final AtomicInteger wakes = new AtomicInteger();
    private final CommandWait wait = new CommandWait(() -> {
        wakes.incrementAndGet();
        return true;
    });

    @Test
    void aStopDuringAWaitWakesItOnceAndTheCommandIsDropped() {
        assertTrue(wait.begin());
        wait.stop();
        wait.stop();
        assertEquals(1, wakes.get());
        assertTrue(wait.woken());
        assertFalse(wait.arrived(), "bytes read after the wake are end of stream");
        assertFalse(wait.end());
    }

    @Test
    void aStopWhileBusyDoesNotWakeAndTheNextWaitDoesNotBegin() {
        assertTrue(wait.begin());
        assertTrue(wait.end());
        wait.stop();
        assertEquals(0, wakes.get());
        assertFalse(wait.begin());
    }

    @Test
    void theFirstByteEndsTheWait() {
        assertTrue(wait.begin());
        assertTrue(wait.arrived());
        wait.stop();
        assertEquals(0, wakes.get(), "a command under way is not cut");
        assertTrue(wait.arrived());
        assertTrue(wait.end());
        assertFalse(wait.begin());
    }
}

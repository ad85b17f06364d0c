package org.tegami.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineInputStreamTest {

    @Test
    void readsUntilTheDeadlineThenFailsAsATimeout() throws Exception {
        DeadlineInputStream open = new DeadlineInputStream(new ByteArrayInputStream(new byte[] {1, 2}), Duration.ofHours(1));
        assertEquals(1, open.read());

        DeadlineInputStream passed = new DeadlineInputStream(new ByteArrayInputStream(new byte[] {1, 2}), Duration.ZERO);
        Thread.sleep(1);
        assertThrows(DeadlineInputStream.ExpiredException.class, passed::read);
        assertThrows(DeadlineInputStream.ExpiredException.class, () -> passed.read(new byte[2], 0, 2));
    }

    @Test
    void disarmedItNoLongerLimits() throws Exception {
        DeadlineInputStream in = new DeadlineInputStream(new ByteArrayInputStream(new byte[] {7}), Duration.ZERO);
        in.disarm();
        Thread.sleep(1);
        assertEquals(7, in.read());
    }
}

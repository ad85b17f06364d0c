package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MxOrderTest {

    private static MxOrder.Entry e(String host, int preference) {
        return new MxOrder.Entry(host, preference);
    }

    @Test
    void lowestPreferenceComesFirst() {
        List<MxOrder.Entry> ordered = MxOrder.order(List.of(e("c", 30), e("a", 10), e("b", 20)), new Random(1));
        assertEquals(List.of(e("a", 10), e("b", 20), e("c", 30)), ordered);
    }

    @Test
    void equalPreferencesAreShuffledButStayInTheirPlace() {
        List<MxOrder.Entry> input = List.of(e("backup", 20), e("x", 10), e("y", 10), e("z", 10));
        Set<String> firsts = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            List<MxOrder.Entry> ordered = MxOrder.order(input, random);
            assertEquals(e("backup", 20), ordered.get(3));
            firsts.add(ordered.get(0).host());
        }
        assertEquals(Set.of("x", "y", "z"), firsts);
    }

    @Test
    void duplicatesAreDropped() {
        assertEquals(1, MxOrder.order(List.of(e("a", 10), e("a", 10)), new Random()).size());
        assertTrue(MxOrder.order(List.of(), new Random()).isEmpty());
    }
}

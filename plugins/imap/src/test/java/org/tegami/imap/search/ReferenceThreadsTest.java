package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** THREAD=REFERENCES (RFC 5256 3) on in-memory messages, shown as the THREAD response. */
class ReferenceThreadsTest {

    private final ThreadTestMessages box = new ThreadTestMessages();

    private String thread() {
        return box.thread(ThreadAlgorithm.REFERENCES);
    }

    @Test
    void followsAReplyChain() {
        box.add(0, "a@x", "", "plan").add(1, "b@x", "a@x", "Re: plan").add(2, "c@x", "a@x b@x", "Re: plan");
        assertEquals("THREAD (1 2 3)", thread());
    }

    @Test
    void nestsSiblingsAndTheirReplies() {
        box.add(0, "a@x", "", "plan").add(1, "b@x", "a@x", "one").add(2, "c@x", "a@x", "two")
                .add(3, "d@x", "a@x c@x", "three").add(4, "e@x", "", "other");
        assertEquals("THREAD (1 (2)(3 4))(5)", thread());
    }

    @Test
    void keepsAMissingParentOfSeveralRootsAsAnEmptyNode() {
        box.add(0, "a@x", "gone@x", "one").add(1, "b@x", "gone@x", "two");
        assertEquals("THREAD ((1)(2))", thread());
    }

    @Test
    void promotesTheOnlyChildOfAMissingParent() {
        box.add(0, "a@x", "gone@x", "one").add(1, "b@x", "", "two");
        assertEquals("THREAD (1)(2)", thread());
    }

    @Test
    void promotesChildrenOfAMissingMessageInsideAThread() {
        box.add(0, "a@x", "", "one").add(1, "b@x", "a@x gone@x", "two").add(2, "c@x", "a@x gone@x", "three");
        assertEquals("THREAD (1 (2)(3))", thread());
    }

    @Test
    void breaksLoopsInReferences() {
        box.add(0, "a@x", "b@x", "one").add(1, "b@x", "a@x", "two");
        assertEquals("THREAD (2 1)", thread());
    }

    @Test
    void ignoresAMessageReferencingItself() {
        box.add(0, "a@x", "a@x", "one").add(1, "b@x", "a@x", "two");
        assertEquals("THREAD (1 2)", thread());
    }

    @Test
    void givesADuplicateMessageIdItsOwnThread() {
        box.add(0, "a@x", "", "one").add(1, "a@x", "", "two").add(2, "c@x", "a@x", "three");
        assertEquals("THREAD (1 3)(2)", thread());
    }

    @Test
    void threadsMessagesWithoutMessageIdAlone() {
        box.add(0, null, "", "one").add(1, null, "", "two");
        assertEquals("THREAD (1)(2)", thread());
    }

    @Test
    void theLastReferenceWinsOverAParentAnEarlierMessageImplied() {
        // message 3 claims c is a reply to a; c itself says it replies to b (step 1.B)
        box.add(0, "a@x", "", "one").add(1, "b@x", "", "two").add(2, "d@x", "a@x c@x", "three")
                .add(3, "c@x", "b@x", "four");
        assertEquals("THREAD (1)(2 4 3)", thread());
    }

    @Test
    void anEarlierLinkIsNotReplacedByALaterReferencesChain() {
        // step 1.A: b already has parent a, so a later chain "z b" leaves it
        box.add(0, "a@x", "", "one").add(1, "b@x", "a@x", "two").add(2, "c@x", "z@x b@x", "three");
        assertEquals("THREAD (1 2 3)", thread());
    }

    @Test
    void putsAReplyWithoutReferencesUnderTheOriginalWithItsSubject() {
        box.add(0, "a@x", "", "Lunch").add(1, "b@x", "", "Re: lunch").add(2, "c@x", "", "[team] RE: Lunch");
        assertEquals("THREAD (1 (2)(3))", thread());
    }

    @Test
    void theOriginalHoldsItsSubjectEvenWhenARepliesIsOlder() {
        box.add(0, "a@x", "", "Re: lunch").add(1, "b@x", "", "lunch");
        assertEquals("THREAD (2 1)", thread());
    }

    @Test
    void gathersOriginalsWithTheSameSubjectUnderAnEmptyNode() {
        box.add(0, "a@x", "", "Lunch").add(5, "b@x", "", "other").add(9, "c@x", "", "LUNCH (fwd)")
                .add(2, "d@x", "", "lunch");
        // the forward joins the empty node the two originals made, as their sibling
        assertEquals("THREAD ((1)(4)(3))(2)", thread());
    }

    @Test
    void addsToAnEmptyNodeWithTheSameSubject() {
        box.add(0, "a@x", "gone@x", "Topic").add(1, "b@x", "gone@x", "Re: topic").add(2, "c@x", "", "Topic")
                .add(3, "d@x", "other@x", "Re: Topic").add(4, "e@x", "other@x", "Re: Topic");
        assertEquals("THREAD ((1)(2)(3)(4)(5))", thread());
    }

    @Test
    void leavesEmptySubjectsUngrouped() {
        box.add(0, "a@x", "", null).add(1, "b@x", "", "").add(2, "c@x", "", "Re:");
        assertEquals("THREAD (1)(2)(3)", thread());
    }

    @Test
    void ordersSiblingsByDateThenSequence() {
        box.add(0, "a@x", "", "one").add(7, "b@x", "a@x", "x").add(3, "c@x", "a@x", "y").add(3, "d@x", "a@x", "z");
        assertEquals("THREAD (1 (3)(4)(2))", thread());
    }

    @Test
    void ordersThreadsByTheirFirstMessage() {
        box.add(5, "a@x", "", "one").add(1, "b@x", "gone@x", "two").add(9, "c@x", "gone@x", "three")
                .add(0, "d@x", "a@x", "four").add(3, "e@x", "", "five");
        // the empty node sorts by its earliest child (2 at minute 1), thread 1 by message 1 itself
        assertEquals("THREAD ((2)(3))(5)(1 4)", thread());
    }

    @Test
    void threadsALongChainWithTheWholeReferencesList() {
        int n = 1000;
        box.add(0, "m0@x", "", "long");
        StringBuilder refs = new StringBuilder("m0@x");
        for (int i = 1; i < n; i++) {
            box.add(i, "m" + i + "@x", refs.toString(), "Re: long");
            refs.append(" m").append(i).append("@x");
        }
        String reply = thread();
        assertTrue(reply.startsWith("THREAD (1 2 3 4 "));
        assertTrue(reply.endsWith(" 999 1000)"));
    }

    @Test
    void threadsADeepTreeWithoutRunningOutOfStack() {
        // 20,000 messages, each level a reply that goes on and a reply that ends: 10,000 deep
        int levels = 10_000;
        box.add(0, "c0@x", "", "deep");
        for (int i = 1; i < levels; i++) {
            box.add(2 * i, "c" + i + "@x", "c" + (i - 1) + "@x", "Re: deep");
            box.add(2 * i + 1, "leaf" + i + "@x", "c" + (i - 1) + "@x", "Re: deep");
        }
        String reply = thread();
        assertTrue(reply.startsWith("THREAD (1 (2 (4 (6 "), reply.substring(0, 40));
        assertTrue(reply.contains("(19996 (19998)(19999))(19997))(19995))"));
        assertTrue(reply.endsWith("(7))(5))(3))"), reply.substring(reply.length() - 40));
    }

    @Test
    void anEmptyResultHasNoThreads() {
        assertEquals("THREAD", thread());
    }
}

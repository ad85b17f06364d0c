package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** THREAD=ORDEREDSUBJECT (RFC 5256 3) on in-memory messages, shown as the THREAD response. */
class OrderedSubjectThreadsTest {

    private final ThreadTestMessages box = new ThreadTestMessages();

    private String thread() {
        return box.thread(ThreadAlgorithm.ORDEREDSUBJECT);
    }

    @Test
    void groupsByBaseSubjectUnderTheEarliestMessage() {
        box.add(3, null, "", "b").add(2, null, "", "Re: a").add(1, null, "", "a").add(5, null, "", "[list] A")
                .add(0, null, "", "c");
        assertEquals("THREAD (5)(3 (2)(4))(1)", thread());
    }

    @Test
    void aPairIsOneListAndReferencesAreIgnored() {
        box.add(0, "a@x", "", "Hello").add(1, "b@x", "zzz@x", "Fwd: hello").add(2, "c@x", "a@x", "other");
        assertEquals("THREAD (1 2)(3)", thread());
    }

    @Test
    void equalDatesFallBackToSequenceNumbers() {
        box.add(4, null, "", "x").add(4, null, "", "y").add(4, null, "", "Re: x").add(4, null, "", "Re: y");
        assertEquals("THREAD (1 3)(2 4)", thread());
    }

    @Test
    void messagesWithoutSubjectFormOneThread() {
        box.add(1, null, "", null).add(0, null, "", "").add(2, null, "", "s");
        assertEquals("THREAD (2 1)(3)", thread());
    }
}

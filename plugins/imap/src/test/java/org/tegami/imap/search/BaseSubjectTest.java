package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 5256 2.1 base subject extraction. */
class BaseSubjectTest {

    @Test
    void stripsReplyAndForwardPrefixesInAnyCase() {
        assertEquals("Meeting", BaseSubject.of("Re: Meeting"));
        assertEquals("Meeting", BaseSubject.of("RE:Meeting"));
        assertEquals("Meeting", BaseSubject.of("Fwd: Meeting"));
        assertEquals("Meeting", BaseSubject.of("FW: Meeting"));
        assertEquals("Meeting", BaseSubject.of("re : Meeting"));
        assertEquals("Meeting", BaseSubject.of("Re: Re: fwd: Meeting"));
        assertEquals("Meeting", BaseSubject.of("Re[2]: Meeting"));
    }

    @Test
    void stripsListTagsBeforeAndAfterPrefixes() {
        assertEquals("Meeting", BaseSubject.of("[dev] Meeting"));
        assertEquals("Meeting", BaseSubject.of("[dev] Re: Meeting"));
        assertEquals("Meeting", BaseSubject.of("Re: [dev] Meeting"));
        assertEquals("Meeting", BaseSubject.of("[a][b] Re: [c] Fwd: Meeting"));
    }

    @Test
    void keepsABlobThatIsTheWholeSubject() {
        assertEquals("[dev]", BaseSubject.of("[dev]"));
        assertEquals("[dev]", BaseSubject.of("Re: [dev]"));
        assertEquals("[unclosed Meeting", BaseSubject.of("[unclosed Meeting"));
    }

    @Test
    void stripsFwdTrailersAndTrailingSpace() {
        assertEquals("Meeting", BaseSubject.of("Meeting (fwd)"));
        assertEquals("Meeting", BaseSubject.of("Meeting (FWD) (fwd)  "));
    }

    @Test
    void unwrapsForwardBracketsAndStartsAgain() {
        assertEquals("Meeting", BaseSubject.of("[Fwd: Meeting]"));
        assertEquals("Meeting", BaseSubject.of("[fwd: Re: [dev] Meeting (fwd)]"));
        assertEquals("Meeting", BaseSubject.of("Re: [Fwd: [Fwd: Meeting]]"));
    }

    @Test
    void collapsesWhitespaceAndDecodesEncodedWords() {
        assertEquals("Lunch at noon", BaseSubject.of("  Lunch\t at\r\n noon  "));
        assertEquals("Café", BaseSubject.of("=?UTF-8?Q?Re:_Caf=C3=A9?="));
        assertEquals("Café ok", BaseSubject.of("Re: =?ISO-8859-1?B?Q2Fm6Q==?= ok"));
    }

    @Test
    void missingOrEmptySubjectIsEmpty() {
        assertEquals("", BaseSubject.of(null));
        assertEquals("", BaseSubject.of(""));
        assertEquals("", BaseSubject.of("Re: "));
        assertEquals("", BaseSubject.of("(fwd)"));
    }

    @Test
    void leavesOrdinaryWordsAlone() {
        assertEquals("Reply needed", BaseSubject.of("Reply needed"));
        assertEquals("Fwding rules", BaseSubject.of("Fwding rules"));
        assertEquals("Report: done", BaseSubject.of("Report: done"));
    }

    @Test
    void tellsRepliesAndForwardsFromOriginals() {
        for (String reply : new String[] {"Re: Meeting", "fwd:Meeting", "[dev] FW: Meeting", "Meeting (fwd)",
                "[Fwd: Meeting]", "Re[2]: Meeting", "=?UTF-8?Q?Re=3A_Meeting?="}) {
            assertTrue(BaseSubject.isReplyOrForward(reply), reply);
        }
        for (String original : new String[] {"Meeting", "[dev] Meeting", " Meeting ", "Regarding: x", "[Re:]",
                "", null}) {
            assertFalse(BaseSubject.isReplyOrForward(original), String.valueOf(original));
        }
    }
}

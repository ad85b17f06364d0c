package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Message identifiers of Message-ID:, References: and In-Reply-To: (RFC 5256 step 1). */
class MessageIdsTest {

    @Test
    void readsEveryIdOfReferencesAcrossFolding() {
        assertEquals(List.of("a@x", "B.c@Y"), MessageIds.all(" <a@x>\r\n\t<B.c@Y> (comment)"));
    }

    @Test
    void skipsInvalidIds() {
        assertEquals(List.of("ok@x"), MessageIds.all("<no-at> <two@at@x> <sp ace@x> <ok@x> bare@x <>"));
        assertNull(MessageIds.first("no id here"));
        assertNull(MessageIds.first(null));
    }

    @Test
    void fallsBackToTheFirstInReplyToIdOnlyWithoutReferences() {
        assertEquals(List.of("r1@x", "r2@x"), MessageIds.references("<r1@x> <r2@x>", "<i@x>"));
        assertEquals(List.of("i@x"), MessageIds.references(null, "Bob's message of <i@x> <j@x>"));
        assertEquals(List.of("i@x"), MessageIds.references("<broken>", "<i@x>"));
        assertEquals(List.of(), MessageIds.references(null, null));
    }
}

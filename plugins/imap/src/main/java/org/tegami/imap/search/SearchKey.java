package org.tegami.imap.search;

import java.time.LocalDate;
import java.util.List;
import org.tegami.api.Flag;
import org.tegami.imap.decode.SequenceSet;

/** A parsed SEARCH criterion (RFC 3501 6.4.4); the keys are ANDed unless combined by OR or NOT. */
public sealed interface SearchKey {

    /** ALL. */
    record All() implements SearchKey {
    }

    /** ANSWERED, UNANSWERED, DELETED, SEEN, ...: a system flag set or not. */
    record HasFlag(Flag flag, boolean set) implements SearchKey {
    }

    /** KEYWORD / UNKEYWORD. */
    record Keyword(String keyword, boolean set) implements SearchKey {
    }

    /** RECENT (NEW and OLD are built from it). */
    record Recent() implements SearchKey {
    }

    /** BCC, CC, FROM, SUBJECT, TO, HEADER: the field contains the text (decoded, any case). */
    record Header(String field, String text) implements SearchKey {
    }

    /** BODY (body only) or TEXT (header and body). */
    record Text(String text, boolean includeHeader) implements SearchKey {
    }

    /** BEFORE/ON/SINCE (internal date) and SENTBEFORE/SENTON/SENTSINCE (Date: header). */
    record Date(Comparison comparison, LocalDate date, boolean sent) implements SearchKey {
    }

    /** LARGER / SMALLER. */
    record Size(long octets, boolean larger) implements SearchKey {
    }

    /** A sequence set of message numbers, or UID set. */
    record Sequence(SequenceSet set, boolean uid) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    /** How a date key compares. */
    enum Comparison {
        BEFORE, ON, SINCE
    }
}

package org.tegami.imap.decode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tegami.api.FolderView.FlagChange;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.SortCriterion;
import org.tegami.imap.search.ThreadAlgorithm;

/**
 * A parsed client command. Immutable; mailbox names are as sent on the wire (modified UTF-7
 * or UTF-8), the session decodes them.
 */
public sealed interface Request {

    String tag();

    /** The command name in upper case, {@code UID} prefix not included. */
    String verb();

    /** CAPABILITY, NOOP, LOGOUT, STARTTLS, CHECK, CLOSE, UNSELECT, IDLE, NAMESPACE. */
    record NoArgs(String tag, String verb) implements Request {
    }

    record Login(String tag, String user, String password) implements Request {
        public String verb() {
            return "LOGIN";
        }

        @Override
        public String toString() {
            return "Login[tag=" + tag + ", user=" + user + "]";
        }
    }

    /** @param initialResponse SASL-IR (RFC 4959) response, or null */
    record Authenticate(String tag, String mechanism, String initialResponse) implements Request {
        public String verb() {
            return "AUTHENTICATE";
        }

        @Override
        public String toString() {
            return "Authenticate[tag=" + tag + ", mechanism=" + mechanism + "]";
        }
    }

    /** SELECT, EXAMINE, CREATE, DELETE, SUBSCRIBE, UNSUBSCRIBE. */
    record OnMailbox(String tag, String verb, String mailbox) implements Request {
    }

    /** GETQUOTA and SETQUOTA (name: a quota root), GETQUOTAROOT (name: a mailbox); RFC 9208. */
    record Quota(String tag, String verb, String name) implements Request {
    }

    record Rename(String tag, String from, String to) implements Request {
        public String verb() {
            return "RENAME";
        }
    }

    record Status(String tag, String mailbox, List<String> items) implements Request {
        public Status {
            items = List.copyOf(items);
        }

        public String verb() {
            return "STATUS";
        }
    }

    /**
     * LIST (with RFC 5258 selection and return options) or LSUB.
     *
     * @param statusItems RFC 5819 STATUS return items, empty if none
     */
    record ListMailboxes(String tag, String verb, String reference, List<String> patterns,
            List<String> selection, List<String> returnOptions, List<String> statusItems) implements Request {
        public ListMailboxes {
            patterns = List.copyOf(patterns);
            selection = List.copyOf(selection);
            returnOptions = List.copyOf(returnOptions);
            statusItems = List.copyOf(statusItems);
        }
    }

    /** @param internalDate the date-time argument, or null */
    record Append(String tag, String mailbox, List<String> flags, Instant internalDate,
            LiteralContent message) implements Request {
        public Append {
            flags = List.copyOf(flags);
        }

        public String verb() {
            return "APPEND";
        }
    }

    record Fetch(String tag, boolean uid, SequenceSet set, List<FetchItem> items) implements Request {
        public Fetch {
            items = List.copyOf(items);
        }

        public String verb() {
            return "FETCH";
        }
    }

    record Store(String tag, boolean uid, SequenceSet set, FlagChange change, boolean silent,
            List<String> flags) implements Request {
        public Store {
            flags = List.copyOf(flags);
        }

        public String verb() {
            return "STORE";
        }
    }

    /** COPY or MOVE. */
    record Copy(String tag, String verb, boolean uid, SequenceSet set, String mailbox) implements Request {
    }

    /**
     * @param charset the CHARSET argument, or null
     * @param returnOptions ESEARCH (RFC 4731) result options, empty for ALL; {@code null} for a
     *     classic SEARCH response
     */
    record Search(String tag, boolean uid, String charset, SearchKey key, List<String> returnOptions)
            implements Request {
        public Search {
            returnOptions = returnOptions == null ? null : List.copyOf(returnOptions);
        }

        public Search(String tag, boolean uid, String charset, SearchKey key) {
            this(tag, uid, charset, key, null);
        }

        public String verb() {
            return "SEARCH";
        }
    }

    /**
     * SORT or UID SORT (RFC 5256 3).
     *
     * @param criteria the sort criteria in order, at least one
     * @param charset the charset of the search strings
     * @param key the search criteria
     */
    record Sort(String tag, boolean uid, List<SortCriterion> criteria, String charset, SearchKey key)
            implements Request {
        public Sort {
            criteria = List.copyOf(criteria);
        }

        public String verb() {
            return "SORT";
        }
    }

    /**
     * THREAD or UID THREAD (RFC 5256 4).
     *
     * @param algorithm the threading algorithm
     * @param charset the charset of the search strings
     * @param key the search criteria
     */
    record Thread(String tag, boolean uid, ThreadAlgorithm algorithm, String charset, SearchKey key)
            implements Request {
        public String verb() {
            return "THREAD";
        }
    }

    /** EXPUNGE, or UID EXPUNGE (RFC 4315) when {@code uidSet} is not null. */
    record Expunge(String tag, SequenceSet uidSet) implements Request {
        public String verb() {
            return "EXPUNGE";
        }
    }

    /** COMPRESS with the mechanism named, upper-cased (RFC 4978). */
    record Compress(String tag, String mechanism) implements Request {
        public String verb() {
            return "COMPRESS";
        }
    }

    record Enable(String tag, List<String> capabilities) implements Request {
        public Enable {
            capabilities = List.copyOf(capabilities);
        }

        public String verb() {
            return "ENABLE";
        }
    }

    /** @param parameters the client's ID fields (RFC 2971), or null for NIL */
    record Id(String tag, Map<String, String> parameters) implements Request {
        public String verb() {
            return "ID";
        }
    }
}

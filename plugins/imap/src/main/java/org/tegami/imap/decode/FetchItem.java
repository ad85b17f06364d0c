package org.tegami.imap.decode;

import java.util.List;

/** One FETCH data item (RFC 3501 6.4.5). */
public sealed interface FetchItem {

    /** An item without arguments: FLAGS, UID, ENVELOPE, RFC822.SIZE, BODYSTRUCTURE ... */
    record Attribute(Name name) implements FetchItem {
    }

    /**
     * {@code BODY[section]<partial>} or {@code BODY.PEEK[...]}; also RFC822, RFC822.HEADER and
     * RFC822.TEXT, which are answered under their own names.
     *
     * @param part the part numbers, empty for the whole message
     * @param text HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT, MIME, or empty
     * @param fields the header field names for HEADER.FIELDS (NOT)
     * @param partialStart the first octet, or -1 for no partial
     * @param partialLength the octet count of a partial
     * @param legacyName RFC822, RFC822.HEADER or RFC822.TEXT when asked that way, else null
     */
    record Section(boolean peek, List<Integer> part, String text, List<String> fields, long partialStart,
            long partialLength, String legacyName) implements FetchItem {

        public Section {
            part = List.copyOf(part);
            fields = List.copyOf(fields);
        }

        /** The section spec as echoed in the response: {@code 1.2.HEADER.FIELDS (FROM)}. */
        public String spec() {
            StringBuilder s = new StringBuilder();
            for (int p : part) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(p);
            }
            if (!text.isEmpty()) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(text);
            }
            if (!fields.isEmpty()) {
                s.append(" (").append(String.join(" ", fields)).append(')');
            }
            return s.toString();
        }
    }

    /**
     * BINARY[part]&lt;partial&gt;, BINARY.PEEK[...] or BINARY.SIZE[part] (RFC 3516): the part
     * with its Content-Transfer-Encoding undone.
     *
     * @param part the part numbers, empty for the whole message
     * @param sizeOnly BINARY.SIZE
     */
    record Binary(boolean peek, List<Integer> part, long partialStart, long partialLength, boolean sizeOnly)
            implements FetchItem {

        public Binary {
            part = List.copyOf(part);
        }

        /** The item name in the response: BINARY[1.2]&lt;origin&gt; or BINARY.SIZE[1.2]. */
        public String responseName() {
            StringBuilder s = new StringBuilder(sizeOnly ? "BINARY.SIZE[" : "BINARY[");
            for (int i = 0; i < part.size(); i++) {
                s.append(i > 0 ? "." : "").append(part.get(i));
            }
            s.append(']');
            if (partialStart >= 0) {
                s.append('<').append(partialStart).append('>');
            }
            return s.toString();
        }
    }

    /** The attributes without arguments. */
    enum Name {
        FLAGS, UID, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY, BODYSTRUCTURE;

        public String wire() {
            return this == RFC822_SIZE ? "RFC822.SIZE" : name();
        }
    }
}

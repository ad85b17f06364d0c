package org.tegami.imap.mime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A header block as sent (RFC 5322 2.2): the raw bytes, kept for HEADER.FIELDS, and the fields
 * unfolded. Values are left as written: RFC 2047 encoded words stay encoded, as IMAP wants them
 * in ENVELOPE and BODYSTRUCTURE. 8-bit values are read as UTF-8 when valid, else as Latin-1.
 */
public final class MimeHeader {

    /** One field: its name as written, unfolded value, and raw bytes (with CRLF) in the block. */
    public record Field(String name, String value, int rawStart, int rawEnd) {
    }

    private final byte[] raw;
    private final List<Field> fields;

    private MimeHeader(byte[] raw, List<Field> fields) {
        this.raw = raw;
        this.fields = List.copyOf(fields);
    }

    public static MimeHeader parse(byte[] raw) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int fieldStart = -1;
        while (i < raw.length) {
            int lineEnd = i;
            while (lineEnd < raw.length && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = Math.min(raw.length, lineEnd + 1);
            boolean continuation = raw[i] == ' ' || raw[i] == '\t';
            boolean blank = lineEnd == i || (lineEnd == i + 1 && raw[i] == '\r');
            if (!continuation || blank) {
                if (fieldStart >= 0) {
                    addField(raw, fieldStart, i, fields);
                    fieldStart = -1;
                }
                if (blank) {
                    break;
                }
                fieldStart = i;
            }
            i = next;
        }
        if (fieldStart >= 0) {
            addField(raw, fieldStart, i, fields);
        }
        return new MimeHeader(raw, fields);
    }

    private static void addField(byte[] raw, int start, int end, List<Field> out) {
        String text = text(raw, start, end);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = text.substring(0, colon).strip();
        String value = text.substring(colon + 1).replace("\r\n", "").replace("\n", "").replace("\r", "").strip();
        out.add(new Field(name, value, start, end));
    }

    static String text(byte[] raw, int start, int end) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    /** The header block as read, up to the parser's size cap, blank line included. */
    public byte[] raw() {
        return raw.clone();
    }

    public List<Field> fields() {
        return fields;
    }

    /** The first value of a field (any case), or {@code null}. */
    public String get(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** Every value of a field, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /**
     * The raw fields whose names are (or, with {@code exclude}, are not) in {@code names},
     * followed by the blank line: BODY[HEADER.FIELDS (...)] (RFC 3501 6.4.5).
     */
    public byte[] select(Collection<String> names, boolean exclude) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            boolean listed = names.contains(f.name().toUpperCase(Locale.ROOT));
            if (listed != exclude) {
                out.write(raw, f.rawStart(), f.rawEnd() - f.rawStart());
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }
}

package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tegami.imap.decode.FetchItem.Attribute;
import org.tegami.imap.decode.FetchItem.Name;
import org.tegami.imap.decode.FetchItem.Section;

/** FETCH sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")"). */
final class FetchParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        SequenceSet set = t.sequenceSet();
        t.sp();
        List<FetchItem> items = new ArrayList<>();
        if (t.skip('(')) {
            do {
                items.add(item(t));
            } while (t.skip(' '));
            t.expect(')');
        } else {
            int mark = t.position();
            String name = t.charsWhile(c -> Character.isLetter(c)).toUpperCase(java.util.Locale.ROOT);
            if (!t.atEnd()) {
                t.rewind(mark);
                name = "";
            }
            switch (name) {
                case "ALL" -> macro(items, Name.FLAGS, Name.INTERNALDATE, Name.RFC822_SIZE, Name.ENVELOPE);
                case "FAST" -> macro(items, Name.FLAGS, Name.INTERNALDATE, Name.RFC822_SIZE);
                case "FULL" -> macro(items, Name.FLAGS, Name.INTERNALDATE, Name.RFC822_SIZE, Name.ENVELOPE,
                        Name.BODY);
                default -> {
                    t.rewind(mark);
                    items.add(item(t));
                }
            }
        }
        t.end();
        return new Request.Fetch(tag, uid, set, items);
    }

    private static void macro(List<FetchItem> items, Name... names) {
        for (Name n : names) {
            items.add(new Attribute(n));
        }
    }

    private static FetchItem item(CommandTokenizer t) throws BadCommandException {
        String name = t.charsWhile(c -> Character.isLetterOrDigit(c) || c == '.').toUpperCase(Locale.ROOT);
        switch (name) {
            case "FLAGS":
                return new Attribute(Name.FLAGS);
            case "UID":
                return new Attribute(Name.UID);
            case "INTERNALDATE":
                return new Attribute(Name.INTERNALDATE);
            case "RFC822.SIZE":
                return new Attribute(Name.RFC822_SIZE);
            case "ENVELOPE":
                return new Attribute(Name.ENVELOPE);
            case "BODYSTRUCTURE":
                return new Attribute(Name.BODYSTRUCTURE);
            case "RFC822":
                return new Section(false, List.of(), "", List.of(), -1, 0, "RFC822");
            case "RFC822.HEADER":
                return new Section(true, List.of(), "HEADER", List.of(), -1, 0, "RFC822.HEADER");
            case "RFC822.TEXT":
                return new Section(false, List.of(), "TEXT", List.of(), -1, 0, "RFC822.TEXT");
            case "BODY":
                if (!t.peekIs('[')) {
                    return new Attribute(Name.BODY);
                }
                return section(t, false);
            case "BODY.PEEK":
                return section(t, true);
            case "BINARY", "BINARY.PEEK", "BINARY.SIZE":
                return binary(t, name);
            default:
                throw new BadCommandException(name.isEmpty() ? "Expected a FETCH item" : "Unknown FETCH item " + name);
        }
    }

    /** RFC 3516: {@code "[" [section-part] "]"}, a partial except for BINARY.SIZE. */
    private static FetchItem.Binary binary(CommandTokenizer t, String name) throws BadCommandException {
        t.expect('[');
        List<Integer> part = new ArrayList<>();
        if (!t.peekIs(']')) {
            do {
                part.add((int) Math.min(Integer.MAX_VALUE, t.nzNumber()));
            } while (t.skip('.'));
        }
        t.expect(']');
        boolean size = name.equals("BINARY.SIZE");
        long start = -1;
        long length = 0;
        if (!size && t.skip('<')) {
            start = t.number();
            t.expect('.');
            length = t.nzNumber();
            t.expect('>');
        }
        return new FetchItem.Binary(name.equals("BINARY.PEEK"), part, start, length, size);
    }

    /** {@code "[" [section-spec] "]" ["<" number "." nz-number ">"]}. */
    private static Section section(CommandTokenizer t, boolean peek) throws BadCommandException {
        t.expect('[');
        List<Integer> part = new ArrayList<>();
        String text = "";
        List<String> fields = new ArrayList<>();
        while (t.peek() >= '0' && t.peek() <= '9') {
            part.add((int) Math.min(Integer.MAX_VALUE, t.nzNumber()));
            if (!t.skip('.')) {
                break;
            }
            if (!(t.peek() >= '0' && t.peek() <= '9')) {
                text = specifier(t, true);
                break;
            }
        }
        if (part.isEmpty() && !t.peekIs(']')) {
            text = specifier(t, false);
        }
        if (text.startsWith("HEADER.FIELDS")) {
            t.sp();
            t.expect('(');
            do {
                fields.add(t.astring().toUpperCase(Locale.ROOT));
            } while (t.skip(' '));
            t.expect(')');
        }
        t.expect(']');
        long start = -1;
        long length = 0;
        if (t.skip('<')) {
            start = t.number();
            t.expect('.');
            length = t.nzNumber();
            t.expect('>');
        }
        return new Section(peek, part, text, fields, start, length, null);
    }

    private static String specifier(CommandTokenizer t, boolean afterPart) throws BadCommandException {
        String text = t.charsWhile(c -> Character.isLetter(c) || c == '.').toUpperCase(Locale.ROOT);
        switch (text) {
            case "HEADER", "HEADER.FIELDS", "HEADER.FIELDS.NOT", "TEXT":
                return text;
            case "MIME":
                if (afterPart) {
                    return text;
                }
                throw new BadCommandException("MIME needs a part number");
            default:
                throw new BadCommandException("Invalid section " + text);
        }
    }
}

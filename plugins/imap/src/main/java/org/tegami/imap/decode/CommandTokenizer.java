package org.tegami.imap.decode;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RFC 3501 section 9 building blocks (atoms, strings, literals, numbers, lists,
 * sequence sets) out of a {@link CommandLine}. Every method throws
 * {@link BadCommandException} with a client-safe message when the input does not fit.
 */
public final class CommandTokenizer {

    private final byte[] buf;
    private final java.util.Map<Integer, LiteralContent.Spooled> spooled;
    private int pos;

    public CommandTokenizer(CommandLine line) {
        this.buf = line.bytes();
        this.spooled = line.spooled();
    }

    /** The read position, for {@link #rewind}. */
    public int position() {
        return pos;
    }

    /** Goes back to a position from {@link #position()} (one-token look-ahead). */
    public void rewind(int position) {
        pos = position;
    }

    public boolean atEnd() {
        return pos >= buf.length;
    }

    /** The next byte, or -1 at the end. */
    public int peek() {
        return pos < buf.length ? buf[pos] & 0xff : -1;
    }

    public boolean peekIs(char c) {
        return peek() == c;
    }

    public void expect(char c) throws BadCommandException {
        if (peek() != c) {
            String what = c == '\r' || c == '\n' ? "line end after literal" : "'" + c + "'";
            throw new BadCommandException(atEnd() ? "Missing " + what : "Expected " + what);
        }
        pos++;
    }

    /** Consumes {@code c} if it is next. */
    public boolean skip(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void sp() throws BadCommandException {
        if (peek() != ' ') {
            throw new BadCommandException(atEnd() ? "Missing argument" : "Expected a space");
        }
        pos++;
    }

    public void end() throws BadCommandException {
        if (!atEnd()) {
            throw new BadCommandException("Unexpected extra arguments");
        }
    }

    /** A tag (ASTRING-CHAR except {@code +}). */
    public String tag() throws BadCommandException {
        int start = pos;
        while (pos < buf.length && CharClass.isTagChar(buf[pos])) {
            pos++;
        }
        if (start == pos) {
            throw new BadCommandException("Missing tag");
        }
        return ascii(start, pos);
    }

    /** An atom. */
    public String atom() throws BadCommandException {
        int start = pos;
        while (pos < buf.length && CharClass.isAtomChar(buf[pos])) {
            pos++;
        }
        if (start == pos) {
            throw new BadCommandException("Expected an atom");
        }
        return ascii(start, pos);
    }

    /** Characters of the given class, possibly none (for section specs and keys). */
    public String charsWhile(java.util.function.IntPredicate accept) {
        int start = pos;
        while (pos < buf.length && accept.test(buf[pos] & 0xff)) {
            pos++;
        }
        return ascii(start, pos);
    }

    /** A flag: {@code \Seen}, {@code \*} is not allowed from clients, or a keyword atom. */
    public String flag() throws BadCommandException {
        if (skip('\\')) {
            return "\\" + atom();
        }
        return atom();
    }

    /** {@code "(" [flag *(SP flag)] ")"}. */
    public List<String> flagList() throws BadCommandException {
        expect('(');
        List<String> flags = new ArrayList<>();
        while (!skip(')')) {
            if (!flags.isEmpty()) {
                sp();
            }
            flags.add(flag());
        }
        return flags;
    }

    /** astring: an atom (with {@code ]}) or a string, as UTF-8 text. */
    public String astring() throws BadCommandException {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        int start = pos;
        while (pos < buf.length && CharClass.isAstringChar(buf[pos])) {
            pos++;
        }
        if (start == pos) {
            throw new BadCommandException("Expected a string");
        }
        return ascii(start, pos);
    }

    /** list-mailbox: list-chars (with wildcards) or a string. */
    public String listMailbox() throws BadCommandException {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        int start = pos;
        while (pos < buf.length && CharClass.isListChar(buf[pos])) {
            pos++;
        }
        if (start == pos) {
            throw new BadCommandException("Expected a mailbox pattern");
        }
        return ascii(start, pos);
    }

    /** A quoted string or a literal, as UTF-8 text. */
    public String string() throws BadCommandException {
        if (peek() == '{') {
            LiteralContent content = literal();
            if (!(content instanceof LiteralContent.InMemory s)) {
                throw new BadCommandException("String too long");
            }
            return utf8(s.offset(), s.offset() + s.size());
        }
        return quoted();
    }

    /** A quoted string (RFC 3501 quoted: no CR/LF, {@code \} escapes only {@code "} and {@code \}). */
    public String quoted() throws BadCommandException {
        expect('"');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (atEnd()) {
                throw new BadCommandException("Unterminated quoted string");
            }
            int c = buf[pos++] & 0xff;
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                int n = peek();
                if (n != '"' && n != '\\') {
                    throw new BadCommandException("Invalid escape in quoted string");
                }
                pos++;
                c = n;
            } else if (c == '\r' || c == '\n' || c == 0) {
                throw new BadCommandException("Invalid character in quoted string");
            }
            out.write(c);
        }
        byte[] b = out.toByteArray();
        return decode(b, 0, b.length);
    }

    /** A literal's bytes: a slice of the command buffer, or the file it was spooled to. */
    public LiteralContent literal() throws BadCommandException {
        expect('{');
        long n = 0;
        int digits = 0;
        while (peek() >= '0' && peek() <= '9') {
            n = n * 10 + (buf[pos++] - '0');
            if (++digits > 18) {
                throw new BadCommandException("Literal length too long");
            }
        }
        if (digits == 0) {
            throw new BadCommandException("Invalid literal length");
        }
        skip('+');
        expect('}');
        expect('\r');
        expect('\n');
        LiteralContent.Spooled file = spooled.get(pos);
        if (file != null && file.size() == n) {
            return file;
        }
        if (n > buf.length - pos) {
            throw new BadCommandException("Literal shorter than announced");
        }
        LiteralContent.InMemory slice = new LiteralContent.InMemory(buf, pos, (int) n);
        pos += (int) n;
        return slice;
    }

    /** A number (RFC 3501 number, 32-bit unsigned). */
    public long number() throws BadCommandException {
        int start = pos;
        long n = 0;
        while (peek() >= '0' && peek() <= '9') {
            n = n * 10 + (buf[pos++] - '0');
            if (n > 0xffffffffL) {
                throw new BadCommandException("Number too large");
            }
        }
        if (start == pos) {
            throw new BadCommandException("Expected a number");
        }
        return n;
    }

    public long nzNumber() throws BadCommandException {
        long n = number();
        if (n == 0) {
            throw new BadCommandException("Zero is not a valid number here");
        }
        return n;
    }

    /** A sequence-set of numbers and ranges; {@code *} is the largest number in use. */
    public SequenceSet sequenceSet() throws BadCommandException {
        if (skip('$')) {
            return SequenceSet.SAVED;
        }
        List<SequenceSet.Range> ranges = new ArrayList<>();
        do {
            long a = seqNumber();
            long b = a;
            if (skip(':')) {
                b = seqNumber();
            }
            ranges.add(new SequenceSet.Range(Math.min(a, b), Math.max(a, b)));
        } while (skip(','));
        return new SequenceSet(ranges);
    }

    private long seqNumber() throws BadCommandException {
        if (skip('*')) {
            return SequenceSet.STAR;
        }
        return nzNumber();
    }

    /** Whether a sequence set starts here (a digit or {@code *}). */
    public boolean atSequenceSet() {
        int c = peek();
        return c == '*' || c == '$' || (c >= '0' && c <= '9');
    }

    private String ascii(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.US_ASCII);
    }

    private String utf8(int from, int to) throws BadCommandException {
        return decode(buf, from, to - from);
    }

    private static String decode(byte[] b, int off, int len) throws BadCommandException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new BadCommandException("String is not valid UTF-8");
        }
    }
}

package org.tegami.smtp.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the lines of one SMTP reply (RFC 5321 4.2): {@code 250-first} ... {@code 250 last}.
 * Feed lines until {@link #accept} returns a reply. Not thread-safe; one per reply read.
 */
public final class ReplyParser {

    /** RFC 3463 / RFC 2034: class.subject.detail at the start of the text. */
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    /** More lines than any sane reply has (an EHLO lists a dozen); stops an endless reply. */
    static final int MAX_LINES = 200;

    private final List<String> texts = new ArrayList<>();
    private int code = -1;

    /**
     * Takes one line without its CRLF.
     *
     * @return the complete reply after its last line, otherwise {@code null}
     * @throws ProtocolException when the line is no reply line or the code changes mid-reply
     */
    public RemoteReply accept(String line) throws ProtocolException {
        if (line.length() < 3 || !isDigits(line)) {
            throw new ProtocolException("malformed reply line: " + abbreviate(line));
        }
        int lineCode = Integer.parseInt(line.substring(0, 3));
        if (code >= 0 && lineCode != code) {
            throw new ProtocolException("reply code changed within a reply: " + abbreviate(line));
        }
        code = lineCode;
        boolean last = line.length() == 3 || line.charAt(3) == ' ';
        if (!last && line.charAt(3) != '-') {
            throw new ProtocolException("malformed reply line: " + abbreviate(line));
        }
        if (texts.size() >= MAX_LINES) {
            throw new ProtocolException("reply longer than " + MAX_LINES + " lines");
        }
        texts.add(line.length() > 4 ? printable(line.substring(4)) : "");
        return last ? finish() : null;
    }

    private RemoteReply finish() {
        String enhanced = enhancedOf(texts.get(0), code);
        List<String> lines = new ArrayList<>(texts.size());
        for (String text : texts) {
            String e = enhancedOf(text, code);
            lines.add(enhanced != null && enhanced.equals(e) ? text.substring(e.length()).stripLeading() : text);
        }
        return new RemoteReply(code, enhanced, lines);
    }

    /** The enhanced code at the start of {@code text} when its class matches the reply's. */
    static String enhancedOf(String text, int code) {
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (ENHANCED.matcher(first).matches() && first.charAt(0) - '0' == code / 100) {
            return first;
        }
        return null;
    }

    /** Control characters become spaces: the text ends up in one-line replies, logs and DSNs. */
    static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean isDigits(String line) {
        return Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2));
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}

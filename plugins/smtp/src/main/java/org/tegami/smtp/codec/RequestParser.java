package org.tegami.smtp.codec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tegami.api.MailAddress;

/** Parses command lines and the MAIL/RCPT path arguments (RFC 5321 4.1.1.2-3, 4.1.2). */
public final class RequestParser {

    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    private RequestParser() {
    }

    /** Splits a command line into verb and argument. */
    public static Request parse(String line) {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        return new Request(verb.toUpperCase(Locale.ROOT), argument);
    }

    /**
     * Parses {@code FROM:<path> params} or {@code TO:<path> params}.
     *
     * @param keyword {@code FROM:} or {@code TO:}
     * @param recipient whether this is RCPT (changes the enhanced codes, and {@code <>} is no recipient)
     */
    public static PathArgument parsePath(String argument, String keyword, boolean recipient) throws SyntaxException {
        String addressCode = recipient ? "5.1.3" : "5.1.7";
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new SyntaxException(501, "5.5.4", "Syntax: " + (recipient ? "RCPT TO:<address>" : "MAIL FROM:<address>"));
        }
        // Some clients put a space after the colon; RFC 5321 does not, but accepting it harms nobody.
        String rest = argument.substring(keyword.length()).stripLeading();
        if (!rest.startsWith("<")) {
            throw new SyntaxException(501, addressCode, "Address must be in angle brackets");
        }
        int close = closingBracket(rest);
        if (close < 0) {
            throw new SyntaxException(501, addressCode, "Missing closing angle bracket");
        }
        String path = rest.substring(1, close);
        // RFC 5321 4.1.1.3 / Appendix C: a source route is accepted and ignored.
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon < 0) {
                throw new SyntaxException(501, addressCode, "Bad source route");
            }
            path = path.substring(colon + 1);
        }
        MailAddress address;
        try {
            address = MailAddress.parse("<" + path + ">");
        } catch (IllegalArgumentException e) {
            throw new SyntaxException(501, addressCode, "Bad address syntax: " + e.getMessage());
        }
        if (recipient && address.isNullSender()) {
            throw new SyntaxException(501, addressCode, "Recipient address must not be empty");
        }
        return new PathArgument(address, parameters(rest.substring(close + 1)));
    }

    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 5321 4.1.2 Mail-parameters: {@code esmtp-keyword["=" esmtp-value]}, space-separated. */
    static Map<String, String> parameters(String text) throws SyntaxException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return parameters;
        }
        if (text.charAt(0) != ' ') {
            throw new SyntaxException(501, "5.5.4", "Parameters must follow the address after a space");
        }
        for (String item : text.strip().split(" +")) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : item.substring(eq + 1);
            if (!KEYWORD.matcher(key).matches() || eq >= 0 && !validValue(value)) {
                throw new SyntaxException(501, "5.5.4", "Bad parameter syntax");
            }
            if (parameters.putIfAbsent(key.toUpperCase(Locale.ROOT), value) != null) {
                throw new SyntaxException(501, "5.5.4", "Duplicate parameter " + key.toUpperCase(Locale.ROOT));
            }
        }
        return parameters;
    }

    private static boolean validValue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        // esmtp-value: %d33-60 / %d62-126, and UTF-8 under RFC 6531
        return value.chars().allMatch(c -> c > 32 && c != '=' && c != 127);
    }

    /** The argument of {@code BDAT size [LAST]} (RFC 3030 2), or {@code null} when malformed. */
    public static ChunkReader.Chunk parseChunk(String argument) {
        String[] parts = argument.strip().split(" +");
        if (parts.length > 2 || !parts[0].matches("[0-9]{1,18}")) {
            return null;
        }
        if (parts.length == 2 && !parts[1].equalsIgnoreCase("LAST")) {
            return null;
        }
        return new ChunkReader.Chunk(Long.parseLong(parts[0]), parts.length == 2);
    }

    /** RFC 3461 4: xtext is printable ASCII except {@code +} and {@code =}, or {@code +XX} hex. */
    public static boolean isXtext(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length() || !isUpperHex(value.charAt(i + 1)) || !isUpperHex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < 33 || c > 126 || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}

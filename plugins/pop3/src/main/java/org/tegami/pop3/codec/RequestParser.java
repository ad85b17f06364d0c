package org.tegami.pop3.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a command line into a {@link Pop3Request}. RFC 1939 section 3: a keyword of three or
 * four printable characters, then arguments separated by single spaces. This parser is lenient
 * about repeated and trailing spaces (clients send them) but refuses keywords that are not
 * three or four letters, so garbage is answered as a bad command.
 */
public final class RequestParser {

    private RequestParser() {
    }

    /**
     * @param line a command line without its CRLF
     * @throws MalformedRequestException when there is no valid keyword
     */
    public static Pop3Request parse(String line) throws MalformedRequestException {
        int space = line.indexOf(' ');
        String keyword = space < 0 ? line : line.substring(0, space);
        if (keyword.length() < 3 || keyword.length() > 4 || !isLetters(keyword)) {
            throw new MalformedRequestException("malformed command");
        }
        String argumentText = space < 0 ? "" : line.substring(space + 1);
        List<String> arguments = new ArrayList<>();
        for (String part : argumentText.split(" ")) {
            if (!part.isEmpty()) {
                arguments.add(part);
            }
        }
        return new Pop3Request(keyword.toUpperCase(Locale.ROOT), arguments, argumentText);
    }

    private static boolean isLetters(String keyword) {
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The line held no valid POP3 keyword. */
    public static final class MalformedRequestException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedRequestException(String message) {
            super(message);
        }
    }
}

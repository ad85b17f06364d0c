package org.tegami.imap.decode;

/** Character classes of the RFC 3501 formal syntax (section 9). */
final class CharClass {

    private CharClass() {
    }

    /** ATOM-CHAR: any CHAR except atom-specials {@code ( ) { SP CTL % * " \ ]}. */
    static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*'
                && c != '"' && c != '\\' && c != ']';
    }

    /** ASTRING-CHAR: ATOM-CHAR or {@code ]}. */
    static boolean isAstringChar(int c) {
        return isAtomChar(c) || c == ']';
    }

    /** list-char: ATOM-CHAR, list-wildcards or resp-specials. */
    static boolean isListChar(int c) {
        return isAstringChar(c) || c == '%' || c == '*';
    }

    /** tag: ASTRING-CHAR except {@code +}. */
    static boolean isTagChar(int c) {
        return isAstringChar(c) && c != '+';
    }
}

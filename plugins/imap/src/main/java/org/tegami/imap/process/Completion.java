package org.tegami.imap.process;

/**
 * How a command ended: the tagged response's status, optional response code (RFC 3501 7.1,
 * RFC 5530) and text.
 */
public record Completion(String status, String code, String text) {

    public static Completion ok(String text) {
        return new Completion("OK", null, text);
    }

    public static Completion ok(String code, String text) {
        return new Completion("OK", code, text);
    }

    public static Completion no(String code, String text) {
        return new Completion("NO", code, text);
    }

    public static Completion bad(String text) {
        return new Completion("BAD", null, text);
    }

    public boolean isBad() {
        return status.equals("BAD");
    }
}

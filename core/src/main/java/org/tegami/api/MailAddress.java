package org.tegami.api;

import java.util.Locale;

/**
 * An envelope address, {@code local@domain} (RFC 5321 4.1.2), or the null reverse-path
 * {@code <>}. The domain is kept lower-case; the local part keeps its case (RFC 5321 2.4) but
 * local delivery compares it case-insensitively.
 *
 * @param localPart the part before the last {@code @}, without quotes; empty only for the null sender
 * @param domain the part after the last {@code @}, lower-case; empty only for the null sender
 */
public record MailAddress(String localPart, String domain) {

    /** The null reverse-path {@code <>} used by bounces (RFC 5321 4.5.5). */
    public static final MailAddress NULL_SENDER = new MailAddress("", "");

    /** The longest address we take (RFC 5321 4.5.3.1: 64 local + 1 + 255 domain). */
    public static final int MAX_LENGTH = 320;

    public MailAddress {
        if (localPart == null || domain == null) {
            throw new IllegalArgumentException("address parts must not be null");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code local@domain}, with or without angle brackets; {@code <>} or an empty
     * string is the null sender.
     *
     * @throws IllegalArgumentException with a client-safe reason when the text is no address
     */
    public static MailAddress parse(String text) {
        String s = text.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return NULL_SENDER;
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("address too long");
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            throw new IllegalArgumentException("address must be local@domain");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.length() > 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = unquote(local.substring(1, local.length() - 1));
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || (c == ' ' && i > at)) {
                throw new IllegalArgumentException("illegal character in address");
            }
        }
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw new IllegalArgumentException("malformed domain");
        }
        return new MailAddress(local, domain);
    }

    /** True for the null reverse-path {@code <>}. */
    public boolean isNullSender() {
        return localPart.isEmpty() && domain.isEmpty();
    }

    /** The address without angle brackets, or the empty string for the null sender. */
    @Override
    public String toString() {
        if (isNullSender()) {
            return "";
        }
        boolean needsQuotes = localPart.chars().anyMatch(c -> c == ' ' || c == '"' || c == ',' || c == '@');
        return (needsQuotes ? '"' + localPart.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : localPart)
                + '@' + domain;
    }

    /** RFC 5321 4.1.2 quoted-pairSMTP: a backslash takes the next character as it is. */
    private static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The address in angle brackets as SMTP writes it: {@code <a@b>} or {@code <>}. */
    public String bracketed() {
        return "<" + this + ">";
    }
}

package org.tegami.smtp.spf;

import java.net.IDN;
import java.util.Locale;

/** Domain name rules of RFC 7208 (4.3 validity, 7.3 truncation) and printable reasons. */
final class DomainNames {

    /** Longest domain name in presentation form without the trailing dot (RFC 1035 2.3.4). */
    static final int MAX_NAME = 253;
    static final int MAX_LABEL = 63;

    private DomainNames() {
    }

    /**
     * The name in lower case without a trailing dot when it is a usable multi-label domain name
     * (RFC 7208 4.3), converting an internationalised name to its A-labels; otherwise null.
     */
    static String normalize(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.chars().allMatch(c -> c < 0x80)) {
            try {
                n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return isValid(n) ? n.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * A sender or HELO domain as {@link #normalize} gives it, further limited to letters, digits,
     * hyphens and underscores (RFC 5321 4.1.2 Domain; no address literal); otherwise null.
     */
    static String normalizeHost(String name) {
        String n = normalize(name);
        return n != null && n.chars().allMatch(c -> c == '.' || c == '-' || c == '_' || c < 0x80 && Character.isLetterOrDigit(c))
                ? n : null;
    }

    private static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c <= 0x20 || c >= 0x7F) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * RFC 7208 7.3: an expanded name longer than 253 characters loses labels on the left until
     * it fits. A trailing dot is removed first.
     */
    static String truncate(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        while (n.length() > MAX_NAME) {
            int dot = n.indexOf('.');
            if (dot < 0) {
                return n;
            }
            n = n.substring(dot + 1);
        }
        return n;
    }

    /** True when {@code name} is {@code domain} or a subdomain of it (case-insensitive). */
    static boolean isWithin(String name, String domain) {
        String n = stripDot(name).toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }

    static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * Text fit for a header comment and an SMTP reply: printable US-ASCII only (anything else
     * becomes {@code ?}), at most {@code max} characters.
     */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}

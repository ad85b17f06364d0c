package org.tegami.imap.process;

import java.util.regex.Pattern;

/**
 * A LIST/LSUB reference and pattern (RFC 3501 6.3.8): {@code *} matches anything, {@code %}
 * anything but the delimiter. A name under INBOX matches INBOX in any case.
 */
final class ListPattern {

    private final Pattern pattern;
    private final Pattern inbox;

    ListPattern(String reference, String mailboxPattern) {
        String full = reference + mailboxPattern;
        if (full.regionMatches(true, 0, "INBOX", 0, 5) && (full.length() == 5 || full.charAt(5) == '/')) {
            full = "INBOX" + full.substring(5);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '%') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        this.inbox = Pattern.compile(regex.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    }

    boolean matches(String name) {
        if (pattern.matcher(name).matches()) {
            return true;
        }
        return (name.equals("INBOX") || name.startsWith("INBOX/")) && inbox.matcher(name).matches();
    }
}

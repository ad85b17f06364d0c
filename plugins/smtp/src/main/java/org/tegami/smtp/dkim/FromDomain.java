package org.tegami.smtp.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The domain that signs a message: the domain of its one RFC 5322 From address. A message
 * with no From field, several From fields or several addresses in its From field (3.6.2
 * allows a list, with a Sender) gets none, so it is not signed.
 */
public final class FromDomain {

    private FromDomain() {
    }

    /** The lower-case domain of the only From address, if there is exactly one. */
    public static Optional<String> of(List<HeaderField> fields) {
        List<HeaderField> from = fields.stream().filter(f -> f.is("From")).toList();
        if (from.size() != 1) {
            return Optional.empty();
        }
        List<String> addresses = addresses(from.get(0).value().replace("\r\n", ""));
        if (addresses.size() != 1) {
            return Optional.empty();
        }
        String address = addresses.get(0);
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(address.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The addr-specs of a mailbox list (RFC 5322 3.4): comments dropped, quoted strings kept
     * whole, an address in angle brackets preferred to the words before it.
     */
    static List<String> addresses(String value) {
        List<String> found = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        StringBuilder angle = null;
        String bracketed = null;
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                continue;
            }
            if (c == '(') {
                depth = 1;
            } else if (c == '"') {
                quoted = true;
                plain.append('"');
            } else if (c == '<') {
                angle = new StringBuilder();
            } else if (c == '>' && angle != null) {
                bracketed = angle.toString();
                angle = null;
            } else if (c == ',' && angle == null) {
                addOne(found, bracketed, plain);
                bracketed = null;
                plain.setLength(0);
            } else if (angle != null) {
                angle.append(c);
            } else {
                plain.append(c);
            }
        }
        addOne(found, bracketed, plain);
        return found;
    }

    private static void addOne(List<String> found, String bracketed, StringBuilder plain) {
        String address = bracketed != null ? bracketed.strip() : plain.toString().strip();
        if (!address.isEmpty()) {
            found.add(address.replace(" ", "").replace("\t", ""));
        }
    }
}

package org.tegami.core.maildir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.tegami.api.MailboxException;
import org.tegami.api.ModifiedUtf7;

/**
 * Folder names to Maildir++ directories and back: {@code INBOX} is the user's Maildir itself,
 * {@code Archive/2026} is {@code .Archive.2026}, each level in modified UTF-7 (RFC 3501 5.1.3)
 * as Dovecot stores them. Names that could leave the user's Maildir or clash with the
 * Maildir++ separator are refused.
 */
final class FolderNames {

    static final String INBOX = "INBOX";

    /** The special-use folders every new user gets (RFC 6154). */
    static final Map<String, String> SPECIAL_USE = Map.of(
            "Sent", "\\Sent", "Drafts", "\\Drafts", "Trash", "\\Trash", "Junk", "\\Junk", "Archive", "\\Archive");

    private static final int MAX_DIR_NAME = 255;

    private FolderNames() {
    }

    /** The canonical name: {@code INBOX} in upper case, otherwise as given. */
    static String canonical(String name) throws MailboxException {
        if (name == null || name.isEmpty()) {
            throw invalid("empty folder name");
        }
        if (name.equalsIgnoreCase(INBOX)) {
            return INBOX;
        }
        String[] parts = name.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw invalid("empty or dot level in folder name");
            }
            if (part.indexOf('.') >= 0) {
                throw invalid("'.' is not allowed in a folder name");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                // '*' and '%' are IMAP LIST wildcards (RFC 3501 6.3.8) and could never be listed alone
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '*' || c == '%') {
                    throw invalid("illegal character in folder name");
                }
            }
        }
        if (parts[0].equalsIgnoreCase(INBOX)) {
            parts[0] = INBOX;
            name = String.join("/", parts);
        }
        if (dirName(name).length() > MAX_DIR_NAME) {
            throw invalid("folder name too long");
        }
        return name;
    }

    /** The Maildir++ directory name ({@code .A.B}) of a canonical name other than INBOX. */
    static String dirName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("/")) {
            out.append('.').append(ModifiedUtf7.encode(part));
        }
        return out.toString();
    }

    /** The directory of a folder below the user's Maildir. */
    static Path path(Path userRoot, String canonicalName) {
        return canonicalName.equals(INBOX) ? userRoot : userRoot.resolve(dirName(canonicalName));
    }

    /** The folder name of a Maildir++ directory name, or {@code null} if it is none. */
    static String fromDirName(String dirName) {
        if (dirName.length() < 2 || dirName.charAt(0) != '.' || dirName.equals("..")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : dirName.substring(1).split("\\.", -1)) {
            if (part.isEmpty()) {
                return null;
            }
            try {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(ModifiedUtf7.decode(part));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out.toString();
    }

    /** A user's Maildir: {@code local@domain} in {@code <root>/<domain>/<local>}, a plain name in {@code <root>/<name>}. */
    static Path userRoot(Path mailRoot, String user) throws MailboxException {
        String u = user.toLowerCase(Locale.ROOT);
        int at = u.lastIndexOf('@');
        if (at < 0) {
            return mailRoot.resolve(checkPathPart(u));
        }
        return mailRoot.resolve(checkPathPart(u.substring(at + 1))).resolve(checkPathPart(u.substring(0, at)));
    }

    private static String checkPathPart(String part) throws MailboxException {
        if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith(".")
                || part.indexOf('/') >= 0 || part.indexOf('\\') >= 0 || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid("illegal user name");
        }
        return part;
    }

    private static MailboxException invalid(String why) {
        return new MailboxException(MailboxException.Reason.INVALID_NAME, why);
    }
}

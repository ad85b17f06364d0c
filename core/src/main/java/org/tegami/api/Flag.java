package org.tegami.api;

/**
 * IMAP system flags and their Maildir info letters ({@code :2,DFRST}). \Recent is not a stored
 * flag: see {@link MessageInfo#recent()}.
 */
public enum Flag {
    DRAFT('D', "\\Draft"),
    FLAGGED('F', "\\Flagged"),
    ANSWERED('R', "\\Answered"),
    SEEN('S', "\\Seen"),
    DELETED('T', "\\Deleted");

    private final char maildirLetter;
    private final String imapName;

    Flag(char maildirLetter, String imapName) {
        this.maildirLetter = maildirLetter;
        this.imapName = imapName;
    }

    /** The letter in a Maildir file name's info part. */
    public char maildirLetter() {
        return maildirLetter;
    }

    /** The IMAP name, like {@code \Seen}. */
    public String imapName() {
        return imapName;
    }

    /** The flag with this IMAP name (case-insensitive), or {@code null}. */
    public static Flag fromImapName(String name) {
        for (Flag f : values()) {
            if (f.imapName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}

package org.tegami.imap.decode;

/**
 * Malformed client input: the session answers {@code BAD} with the message (client-safe text)
 * and keeps the connection. {@link #fatal()} marks input after which the byte stream cannot
 * be trusted to be in step any more (an oversized non-synchronising literal), so the session
 * says {@code BYE} and closes.
 */
public class BadCommandException extends Exception {

    private final String tag;
    private final String code;
    private final boolean fatal;

    public BadCommandException(String message) {
        this(null, null, message, false);
    }

    public BadCommandException(String tag, String code, String message, boolean fatal) {
        super(message, null, false, false);
        this.tag = tag;
        this.code = code;
        this.fatal = fatal;
    }

    /** The command's tag when it could be read, else {@code null} (answered with {@code *}). */
    public String tag() {
        return tag;
    }

    /** A response code such as {@code TOOBIG}, or {@code null}. */
    public String code() {
        return code;
    }

    public boolean fatal() {
        return fatal;
    }

    /** The same problem, now knowing the tag. */
    public BadCommandException withTag(String newTag) {
        return tag != null ? this : new BadCommandException(newTag, code, getMessage(), fatal);
    }
}

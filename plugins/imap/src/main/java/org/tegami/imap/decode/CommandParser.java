package org.tegami.imap.decode;

/**
 * Parses the arguments of one family of commands, after the tag, the verb and its space.
 * Implementations are stateless and thread-safe.
 */
public interface CommandParser {

    /**
     * @param verb the command name in upper case
     * @param uid whether the command came with the {@code UID} prefix
     * @param t positioned after the verb (on the space before the first argument, if any)
     */
    Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException;
}

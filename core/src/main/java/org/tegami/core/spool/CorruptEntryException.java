package org.tegami.core.spool;

/** An envelope file that cannot be read; the message names the file, line and reason. */
public class CorruptEntryException extends Exception {

    public CorruptEntryException(String message) {
        super(message);
    }
}

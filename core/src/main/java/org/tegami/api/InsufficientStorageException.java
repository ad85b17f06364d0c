package org.tegami.api;

import java.io.IOException;

/**
 * A write failed because the disk, or its owner's disk quota, is full: a temporary condition
 * the client should hear as such (SMTP {@code 452 4.3.1}, RFC 3463; IMAP {@code NO [OVERQUOTA]}).
 * Nothing was stored; the server goes on and succeeds again once space returns.
 */
public class InsufficientStorageException extends IOException {

    /** @param message client-safe text */
    public InsufficientStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.tegami.smtp.codec;

import java.io.IOException;

/** The session ran past its total time limit; the client gets {@code 421 4.4.2}. */
public final class SessionTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public SessionTimeoutException() {
        super("session time limit reached");
    }
}

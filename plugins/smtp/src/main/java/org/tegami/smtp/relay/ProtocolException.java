package org.tegami.smtp.relay;

import java.io.IOException;

/** The remote server broke the SMTP protocol (a malformed or unexpected reply). */
public class ProtocolException extends IOException {

    public ProtocolException(String message) {
        super(message);
    }
}

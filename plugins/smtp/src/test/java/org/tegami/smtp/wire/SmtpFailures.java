package org.tegami.smtp.wire;

import jakarta.mail.MessagingException;

/** Finds the server's reply in what Angus Mail throws. */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /** The first exception of this type in the chain of next exceptions and causes. */
    static <T extends Exception> T find(MessagingException e, Class<T> type) {
        for (Throwable t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }
}

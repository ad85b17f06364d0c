package org.tegami.core.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Who dropped a file into {@code incoming/}, told by the file's owner rather than by
 * anything in it, and the trace field that records it. Any local user may submit, and may
 * claim any envelope sender (as with Postfix's sendmail), so the message says which user it
 * came from: {@code Received: (from userid 1000) id ...; date} (RFC 5322 3.6.7).
 */
final class LocalSubmitter {

    private static final Optional<Integer> OWN_UID = ownUid();

    private LocalSubmitter() {
    }

    /** The owner of {@code file} when that is another user than this process's, else empty. */
    static Optional<Integer> of(Path file) throws IOException {
        if (OWN_UID.isEmpty()) {
            return Optional.empty();
        }
        int owner;
        try {
            owner = (Integer) Files.getAttribute(file, "unix:uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return owner == OWN_UID.get() || owner == 0 ? Optional.empty() : Optional.of(owner);
    }

    /** The message with a Received field naming the submitting user put in front. */
    static byte[] trace(int uid, String queueId, Clock clock, byte[] message) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock));
        byte[] field = ("Received: (from userid " + uid + ")\r\n\tid " + queueId + "; " + date + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[field.length + message.length];
        System.arraycopy(field, 0, out, 0, field.length);
        System.arraycopy(message, 0, out, field.length, message.length);
        return out;
    }

    /** The uid this process runs as; empty where the JDK has no Unix system module. */
    private static Optional<Integer> ownUid() {
        try {
            return Optional.of((int) new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (LinkageError e) {
            return Optional.empty();
        }
    }
}

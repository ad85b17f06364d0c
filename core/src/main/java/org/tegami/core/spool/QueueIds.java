package org.tegami.core.spool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Queue ids: upper-case hex like Postfix's, unique across processes sharing a spool (time
 * plus randomness), and for {@code incoming/} files derived from the file so that picking
 * the same file up twice (after a crash) finds the entry already made.
 */
public final class QueueIds {

    /** What a queue id may look like; anything else in a spool folder is not ours. */
    public static final Pattern VALID = Pattern.compile("[0-9A-Z]{8,40}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private QueueIds() {
    }

    /** A fresh id: eight hex digits of seconds, eight random. */
    public static String next(Instant now) {
        return String.format("%08X%08X", now.getEpochSecond() & 0xffffffffL, RANDOM.nextInt());
    }

    /** The id for an incoming file, stable while the file is unchanged. */
    public static String forIncoming(String fileName, long size, long mtimeMillis) {
        return "I" + digest(fileName + "\0" + size + "\0" + mtimeMillis).substring(0, 15);
    }

    /** The id of the bounce for entry {@code id}: the same bounce is never queued twice. */
    public static String bounceOf(String id) {
        return "B" + digest("bounce\0" + id).substring(0, 15);
    }

    /** A short stable hash for delivery keys, upper-case hex. */
    public static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}

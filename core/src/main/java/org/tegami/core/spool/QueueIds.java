package org.tegami.core.spool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
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
    private static final Pattern FRESH = Pattern.compile("[0-9A-F]{16}");

    private QueueIds() {
    }

    /** A fresh id: eight hex digits of seconds, eight random. */
    public static String next(Instant now) {
        return String.format("%08X%08X", now.getEpochSecond() & 0xffffffffL, RANDOM.nextInt());
    }

    /**
     * When a fresh id was made, read back from its eight digits of seconds; empty for ids that
     * cannot be fresh ones. A bounce id ({@code B} and 15 digits) has the same shape, but its
     * leading {@code B} reads as a time in 2063 or later: a time more than a day after
     * {@code now} is taken for a derived id, so callers fall back to another source.
     */
    public static Optional<Instant> madeAt(String id, Instant now) {
        if (!FRESH.matcher(id).matches()) {
            return Optional.empty();
        }
        Instant made = Instant.ofEpochSecond(Long.parseLong(id.substring(0, 8), 16));
        return made.isAfter(now.plus(Duration.ofDays(1))) ? Optional.empty() : Optional.of(made);
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

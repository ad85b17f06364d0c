package org.tegami.core.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.MailboxException;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.core.delivery.LocalDelivery;

/**
 * Delivers into users' Maildirs, qmail style: the message is written with LF line ends behind
 * {@code Return-Path:} and {@code Delivered-To:} into {@code tmp/}, fsync'd, renamed into
 * {@code new/}, and {@code new/} is fsync'd.
 *
 * <p>Idempotent: the file name {@code <arrival>.<deliveryKey>.<host>,S=<size>,W=<size>} is the
 * same at every attempt, so a retry after a crash finds the earlier copy, by one stat in
 * {@code new/}, or, only when {@code cur/} changed since the message arrived, in the folder's
 * shared state or a listing of {@code cur/} (a client moved it and added flags), and reports
 * DELIVERED without a second copy. Over quota is DEFERRED {@code 452 4.2.2}; a full disk
 * DEFERRED {@code 452 4.3.1}; other disk trouble DEFERRED {@code 451 4.3.0}. Thread-safe.
 */
public final class MaildirDelivery implements LocalDelivery {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** Room for clock steps and coarse directory timestamps when comparing with the arrival time. */
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final MaildirStore store;
    private final ToLongFunction<String> quota;

    /**
     * @param store the store whose open folders are told about deliveries
     * @param quota bytes allowed per user (account name), 0 for no limit
     */
    public MaildirDelivery(MaildirStore store, ToLongFunction<String> quota) {
        this.store = store;
        this.quota = quota;
    }

    /** Delivers with the spooled file's modification time as the arrival time. */
    @Override
    public DeliveryResult deliver(String deliveryKey, Envelope envelope, MailAddress recipient,
            RouteDecision.Deliver target, Path messageFile) throws IOException {
        Instant arrival;
        try {
            arrival = Files.getLastModifiedTime(messageFile).toInstant();
        } catch (IOException e) {
            return deferred(recipient, "cannot read spooled message", e);
        }
        return deliver(deliveryKey, envelope, recipient, target, messageFile, arrival);
    }

    /**
     * @param arrival when the message was accepted; the same at every attempt, it makes the
     *     file name and the internal date
     */
    public DeliveryResult deliver(String deliveryKey, Envelope envelope, MailAddress recipient,
            RouteDecision.Deliver target, Path messageFile, Instant arrival) {
        if (!KEY.matcher(deliveryKey).matches()) {
            throw new IllegalArgumentException("delivery key must match [A-Za-z0-9_-]+");
        }
        Path root;
        Path dir;
        try {
            root = store.ensureUser(target.user());
            dir = folderDir(root, target.folder());
        } catch (MailboxException e) {
            MaildirStore.LOG.warn("cannot deliver to {} folder {}: {}", target.user(), target.folder(), e.getMessage());
            return DeliveryResult.failed(recipient, Reply.of(550, "5.1.1", "mailbox unavailable"));
        } catch (IOException e) {
            return deferred(recipient, "cannot create mailbox", e);
        }
        Path tmp = dir.resolve("tmp").resolve(arrival.getEpochSecond() + "." + deliveryKey + "." + store.host());
        try {
            return writeOnce(root, dir, tmp, envelope, recipient, target.user(), messageFile, arrival);
        } catch (IOException e) {
            return deferred(recipient, "write failed", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the tmp/ file is harmless and overwritten by the next attempt
            }
        }
    }

    private static Path folderDir(Path root, String folder) throws IOException {
        String canonical = FolderNames.canonical(folder == null ? FolderNames.INBOX : folder);
        Path dir = FolderNames.path(root, canonical);
        if (!Files.isDirectory(dir.resolve("new"))) {
            MaildirStore.createMaildir(dir, !canonical.equals(FolderNames.INBOX));
        }
        return dir;
    }

    private DeliveryResult writeOnce(Path root, Path dir, Path tmp, Envelope envelope, MailAddress recipient, String user,
            Path messageFile, Instant arrival) throws IOException {
        String prefix = "Return-Path: " + oneLine(envelope.sender().bracketed()) + "\n"
                + "Delivered-To: " + oneLine(recipient.toString()) + "\n";
        LfMessageWriter.Sizes sizes;
        try (InputStream in = Files.newInputStream(messageFile)) {
            sizes = LfMessageWriter.write(tmp, prefix, in);
        }
        String base = tmp.getFileName() + ",S=" + sizes.fileSize() + ",W=" + sizes.crlfSize();
        Path target = dir.resolve("new").resolve(base);
        if (Files.exists(target) || inCur(dir, base, arrival)) {
            MaildirStore.LOG.info("already delivered {} to {}, not again", base, user);
            return DeliveryResult.delivered(recipient, Reply.of(250, "2.0.0", "delivered"));
        }
        long limit = quota.applyAsLong(user);
        if (limit > 0 && store.usedBytes(root) + sizes.fileSize() > limit) {
            MaildirStore.LOG.info("{} is over quota, deferring {}", user, base);
            return DeliveryResult.deferred(recipient, Reply.of(452, "4.2.2", "mailbox full"));
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        Durable.fsyncDirectory(target.getParent());
        store.changed(dir);
        MaildirStore.LOG.debug("delivered {} to {}", base, user);
        return DeliveryResult.delivered(recipient, Reply.of(250, "2.0.0", "delivered"));
    }

    /**
     * Whether a client moved the earlier copy into {@code cur/}. Only possible if {@code cur/}
     * changed after the message arrived, so the common case is one stat.
     */
    private boolean inCur(Path dir, String base, Instant arrival) throws IOException {
        Path cur = dir.resolve("cur");
        long curStamp;
        try {
            curStamp = Files.getLastModifiedTime(cur).to(TimeUnit.NANOSECONDS);
        } catch (NoSuchFileException e) {
            return false;
        }
        long arrivalNanos = TimeUnit.SECONDS.toNanos(arrival.getEpochSecond()) + arrival.getNano();
        if (curStamp < arrivalNanos - MARGIN_NANOS) {
            return false;
        }
        FolderState open = store.loaded(dir);
        if (open != null) {
            open.sync(false);
            return open.containsBase(base);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cur,
                p -> p.getFileName().toString().startsWith(base))) {
            for (Path p : files) {
                if (MaildirFileName.baseOf(p.getFileName().toString()).equals(base)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "");
    }

    private static DeliveryResult deferred(MailAddress recipient, String what, IOException e) {
        MaildirStore.LOG.warn("local delivery to {} deferred, {}: {}", recipient, what, e.toString());
        if (DiskFull.is(e)) {
            // RFC 3463 X.3.1 "mail system full": says at a glance in the queue why mail waits.
            return DeliveryResult.deferred(recipient, Reply.of(452, "4.3.1", "mail system full, will retry"));
        }
        return DeliveryResult.deferred(recipient, Reply.of(451, "4.3.0", "local delivery failed, will retry"));
    }
}

package org.tegami.core.delivery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tegami.api.DeliveryResult;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;

/**
 * Appends a message to an mbox file (aliases(5) {@code /path}): a {@code From sender date}
 * line, the message with LF line ends and {@code >From } quoting (mboxrd), a blank line.
 * The file is locked (fcntl via FileChannel.lock) while writing and forced after; a failed
 * write is cut back to the old length so no half message stays.
 */
final class MboxDelivery {

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    DeliveryResult deliver(MailAddress sender, MailAddress recipient, Path file, Path message, Instant now) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try (FileLock lock = ch.lock()) {
                long before = ch.size();
                ch.position(before);
                try {
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                    String from = "From " + (sender.isNullSender() ? "MAILER-DAEMON" : sender.toString()) + " "
                            + ASCTIME.format(now) + "\n";
                    out.write(from.getBytes(StandardCharsets.UTF_8));
                    if (!UnixLines.copy(message, out, true)) {
                        out.write('\n');
                    }
                    out.write('\n');
                    out.flush();
                    ch.force(true);
                } catch (IOException e) {
                    ch.truncate(before);
                    throw e;
                }
            }
            return DeliveryResult.delivered(recipient, Reply.of(250, "2.0.0", "appended to " + file));
        } catch (IOException e) {
            return DeliveryResult.deferred(recipient, Reply.of(451, "4.3.0", "cannot append to " + file + ": "
                    + String.valueOf(e.getMessage()).replaceAll("[\\r\\n]", " ")));
        }
    }
}

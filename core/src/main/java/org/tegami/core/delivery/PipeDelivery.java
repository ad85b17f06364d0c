package org.tegami.core.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tegami.api.DeliveryResult;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;

/**
 * Delivers to {@code /bin/sh -c command} with the message (LF line ends) on standard input,
 * like aliases(5) {@code |command}. Exit 0 is delivered, 75 (EX_TEMPFAIL) deferred, anything
 * else failed; a command running longer than the limit is killed and deferred. The first
 * line of its output goes into the reply (and so into a bounce). Environment: SENDER,
 * RECIPIENT, QUEUE_ID.
 */
final class PipeDelivery {

    private final Path scratch;
    private final Duration timeLimit;

    /** @param scratch a folder for the command's captured output */
    PipeDelivery(Path scratch, Duration timeLimit) {
        this.scratch = scratch;
        this.timeLimit = timeLimit;
    }

    DeliveryResult deliver(String queueId, MailAddress sender, MailAddress recipient, String command, Path message)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(scratch, queueId + ".pipe", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("SENDER", sender.toString());
            pb.environment().put("RECIPIENT", recipient.toString());
            pb.environment().put("QUEUE_ID", queueId);
            Process p = pb.start();
            AtomicBoolean timedOut = new AtomicBoolean();
            try {
                CompletableFuture.delayedExecutor(timeLimit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                    if (p.isAlive()) {
                        timedOut.set(true);
                        kill(p);
                    }
                });
                try (OutputStream in = p.getOutputStream()) {
                    UnixLines.copy(message, in, false);
                } catch (IOException e) {
                    // the command stopped reading (or was killed): its exit code decides
                }
                if (!p.waitFor(timeLimit.toMillis() + 1000, TimeUnit.MILLISECONDS) || timedOut.get()) {
                    kill(p);
                    return DeliveryResult.deferred(recipient, Reply.of(451, "4.3.0", "command timed out"));
                }
            } finally {
                kill(p);
            }
            int exit = p.exitValue();
            String said = firstLine(output);
            if (exit == 0) {
                return DeliveryResult.delivered(recipient, Reply.of(250, "2.0.0", "delivered to command"));
            }
            String text = "command exited " + exit + (said.isEmpty() ? "" : ": " + said);
            return exit == 75
                    ? DeliveryResult.deferred(recipient, Reply.of(451, "4.3.0", text))
                    : DeliveryResult.failed(recipient, Reply.of(554, "5.3.0", text));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String firstLine(Path output) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(output)) {
            head = in.readNBytes(200);
        }
        String s = new String(head, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        return s.replaceAll("[\\p{Cntrl}]", " ").strip();
    }
}

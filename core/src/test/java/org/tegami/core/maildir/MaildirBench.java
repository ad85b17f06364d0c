package org.tegami.core.maildir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tegami.api.Envelope;
import org.tegami.api.FolderView;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.api.RouteDecision;
import org.tegami.api.UserMailbox;

/**
 * Measures a 10,000-message folder: the first scan, a restart with the cache, refreshes with
 * nothing changed and after one delivery, a second view and STATUS. Run by hand:
 * {@code java -cp <test classpath> org.tegami.core.maildir.MaildirBench [messages]}. Each phase
 * starts by probing {@code /maildir-bench-mark-<phase>}, so that under
 * {@code strace -f -e trace=%stat,getdents64} the file-system calls of each phase can be counted.
 */
public final class MaildirBench {

    private MaildirBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("maildir-bench");
        try {
            run(dir, count);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path dir, int count) throws Exception {
        Path root = dir.resolve("mail");
        String user = "bench@localhost";
        try (MaildirStore store = new MaildirStore(root, "bench.host")) {
            store.mailbox(user);
        }
        Path inbox = root.resolve("localhost").resolve("bench");
        byte[] body = ("Subject: bench\n\n" + "x".repeat(200) + "\n").getBytes();
        long t = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String name = (1_700_000_000L + i) + ".M" + i + "P1.bench,S=" + body.length + ",W=" + (body.length + 3)
                    + ":2," + (i % 3 == 0 ? "S" : "");
            Files.write(inbox.resolve("cur").resolve(name), body);
        }
        print("write " + count + " files (setup)", t, 1);
        Thread.sleep(1100);

        try (MaildirStore store = new MaildirStore(root, "bench.host", Clock.systemUTC(), Duration.ofHours(1))) {
            UserMailbox box = store.mailbox(user);
            t = System.nanoTime();
            FolderView v = box.open("INBOX", false);
            print("first open: full scan, UIDs, uidlist written", t, 1);
            v.close();
        }
        try (MaildirStore store = new MaildirStore(root, "bench.host", Clock.systemUTC(), Duration.ofHours(1))) {
            UserMailbox box = store.mailbox(user);
            mark("open-after-restart");
            t = System.nanoTime();
            FolderView v = box.open("INBOX", false);
            mark("refresh-unchanged");
            print("open after restart (cache file, no listing)", t, 1);
            int n = 1000;
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                v.refresh();
            }
            print("refresh, nothing changed (avg of " + n + ")", t, n);
            mark("end-refresh-unchanged");
            t = System.nanoTime();
            FolderView second = box.open("INBOX", true);
            print("second view while open (shared state)", t, 1);
            t = System.nanoTime();
            UserMailbox.FolderStatus s = box.status("INBOX");
            print("status while open (" + s.messages() + " messages)", t, 1);

            MaildirDelivery delivery = new MaildirDelivery(store, u -> 0);
            Path spooled = dir.resolve("spooled");
            Files.writeString(spooled, "Subject: new\r\n\r\nhello\r\n");
            MailAddress rcpt = MailAddress.parse(user);
            Envelope env = new Envelope(MailAddress.parse("a@b.example"), List.of(Recipient.of(rcpt)), Map.of(), null);
            int rounds = 20;
            long deliverNanos = 0;
            long refreshNanos = 0;
            for (int r = 0; r < rounds; r++) {
                t = System.nanoTime();
                delivery.deliver("bench" + r, env, rcpt, new RouteDecision.Deliver(user), spooled);
                deliverNanos += System.nanoTime() - t;
                t = System.nanoTime();
                v.refresh();
                refreshNanos += System.nanoTime() - t;
            }
            printNanos("one delivery, fsync'd (avg of " + rounds + ")", deliverNanos / rounds);
            printNanos("refresh after one delivery: lists new/, claims it (avg of " + rounds + ")",
                    refreshNanos / rounds);
            Thread.sleep(1100);
            v.refresh();
            second.refresh();
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                v.refresh();
            }
            print("refresh, nothing changed, after settling (avg of " + n + ")", t, n);
            long storeNanos = 0;
            long otherNanos = 0;
            for (int r = 0; r < rounds; r++) {
                t = System.nanoTime();
                v.store(v.messages().get(5 + r).uid(), FolderView.FlagChange.ADD,
                        java.util.Set.of(org.tegami.api.Flag.FLAGGED), java.util.Set.of());
                storeNanos += System.nanoTime() - t;
                t = System.nanoTime();
                second.refresh();
                otherNanos += System.nanoTime() - t;
            }
            printNanos("store one flag: rename (avg of " + rounds + ")", storeNanos / rounds);
            printNanos("other view's refresh after it: lists cur/ (avg of " + rounds + ")", otherNanos / rounds);
            second.close();
            v.close();
        }
        try (MaildirStore store = new MaildirStore(root, "bench.host", Clock.systemUTC(), Duration.ofHours(1))) {
            t = System.nanoTime();
            UserMailbox.FolderStatus s = store.mailbox(user).status("INBOX");
            print("status after restart (" + s.messages() + " messages)", t, 1);
        }
    }

    private static void printNanos(String what, long nanos) {
        System.out.printf("%-70s %10.3f ms%n", what, nanos / 1e6);
    }

    private static void mark(String phase) {
        Files.exists(Path.of("/maildir-bench-mark-" + phase));
    }

    private static void print(String what, long start, int times) {
        double ms = (System.nanoTime() - start) / 1e6 / times;
        System.out.printf("%-70s %10.3f ms%n", what, ms);
    }
}

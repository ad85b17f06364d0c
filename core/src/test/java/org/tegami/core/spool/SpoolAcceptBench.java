package org.tegami.core.spool;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.file.PathUtils;
import org.tegami.api.Envelope;

/**
 * Measures durable acceptance (fsync on, group commit) of 4 KB messages from 1, 10 and 50
 * threads: messages per second, median of 5 runs. Not a test; run by hand:
 * {@code java -cp ... org.tegami.core.spool.SpoolAcceptBench [messages-per-run] [dir]}.
 */
public final class SpoolAcceptBench {

    private SpoolAcceptBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("spool-bench");
        byte[] body = message(4096);
        Envelope env = SpoolTestSupport.envelope("bench@example.com", "rcpt@localhost");
        System.out.printf("%d messages of %d bytes per run, spool under %s%n", messages, body.length, base);
        for (int threads : new int[] {1, 10, 50}) {
            double[] rates = new double[5];
            long batches = 0;
            for (int run = 0; run < rates.length; run++) {
                Path dir = base.resolve("t" + threads + "-r" + run);
                try (Spool spool = new Spool(dir, Clock.systemUTC())) {
                    rates[run] = measure(spool, env, body, messages, threads);
                    batches = spool.commitBatches();
                }
                PathUtils.deleteDirectory(dir);
            }
            Arrays.sort(rates);
            System.out.printf("%2d threads: median %7.0f msg/s  (runs %s; last run %d commits for %d messages)%n",
                    threads, rates[2], Arrays.toString(Arrays.stream(rates).map(Math::round).toArray()), batches, messages);
        }
    }

    private static double measure(Spool spool, Envelope env, byte[] body, int messages, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(messages);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                start.await();
                while (left.getAndDecrement() > 0) {
                    spool.accept(env, new ByteArrayInputStream(body));
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        long ns = System.nanoTime() - t0;
        pool.shutdown();
        return messages / (ns / 1e9);
    }

    private static byte[] message(int size) {
        StringBuilder b = new StringBuilder("From: bench@example.com\r\nTo: rcpt@localhost\r\nSubject: bench\r\n\r\n");
        while (b.length() < size - 2) {
            b.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n");
        }
        b.setLength(size - 2);
        return b.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}

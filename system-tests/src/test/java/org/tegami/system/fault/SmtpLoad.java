package org.tegami.system.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Several SMTP clients sending one message after another until stopped, each message with a
 * unique Subject, recording what became of it: acknowledged with 250, refused, or no answer
 * (the connection broke first). A broken connection is opened again until {@link #stop()}.
 */
final class SmtpLoad {

    /** What a client knows about one message it sent. */
    enum Outcome {
        /** sent, no final reply (yet, or ever) */
        UNANSWERED,
        /** 250 after the data: the server promised to deliver it */
        ACKNOWLEDGED,
        /** any other reply */
        REFUSED
    }

    private final int port;
    private final String prefix;
    private final Map<String, Outcome> outcomes;
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param prefix starts every Subject, to tell rounds apart
     * @param outcomes where each message's outcome goes (thread-safe map), keyed by Subject
     */
    SmtpLoad(int port, String prefix, Map<String, Outcome> outcomes) {
        this.port = port;
        this.prefix = prefix;
        this.outcomes = outcomes;
    }

    /** Starts {@code count} clients; message sizes come from {@code seed}. */
    void start(int count, long seed) {
        for (int c = 0; c < count; c++) {
            int client = c;
            Thread t = new Thread(() -> run(client, new Random(seed + client)), prefix + "-client-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    private void run(int client, Random random) {
        int n = 0;
        while (!stopped) {
            try (SmtpProbe smtp = new SmtpProbe(port)) {
                while (!stopped) {
                    String subject = prefix + " c" + client + " m" + n++;
                    String to = "u" + (1 + random.nextInt(10)) + "@localhost";
                    outcomes.put(subject, Outcome.UNANSWERED);
                    String reply = smtp.send("load@example.org", to,
                            SmtpProbe.message("load@example.org", to, subject, random.nextInt(20_000)));
                    outcomes.put(subject, reply.startsWith("250") ? Outcome.ACKNOWLEDGED : Outcome.REFUSED);
                }
            } catch (IOException e) {
                pause(); // the server went away (killed); try again until stopped
            }
        }
    }

    /** Stops the clients and waits for them. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : clients) {
            t.join(120_000);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

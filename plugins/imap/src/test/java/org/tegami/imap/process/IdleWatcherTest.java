package org.tegami.imap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.FolderView;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.testing.InMemoryMailStore;
import org.tegami.testing.TempMaildir;

/** The shared IDLE pool over real Maildir views: exclusion with the session, stuck clients, polling. */
class IdleWatcherTest {

    static final String USER = "alice@localhost";
    static final String MESSAGE = "Subject: s\n\nbody\n";

    @TempDir
    Path tmp;
    TempMaildir mail;
    IdleWatcher watcher;
    final List<FolderView> views = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        mail = new TempMaildir(tmp);
        mail.store().mailbox(USER);
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        views.forEach(FolderView::close);
        mail.close();
    }

    private SelectedFolder inbox() throws IOException {
        FolderView view = mail.store().mailbox(USER).open("INBOX", false);
        views.add(view);
        return new SelectedFolder(view);
    }

    @Test
    void aClientThatStopsReadingHoldsOnlyItsOwnUpdates() throws Exception {
        // two threads: if the stuck session's later requests took a second thread, nobody else would get news
        watcher = new IdleWatcher(2, Duration.ofSeconds(30), Duration.ofSeconds(30));
        ClientStream stuck = new ClientStream();
        stuck.block();
        IdleUpdates stuckUpdates = watcher.watch(inbox(), new ResponseWriter(stuck));
        List<ClientStream> others = new ArrayList<>();
        List<IdleUpdates> otherUpdates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ClientStream s = new ClientStream();
            others.add(s);
            otherUpdates.add(watcher.watch(inbox(), new ResponseWriter(s)));
        }
        mail.deliver(USER, "INBOX", MESSAGE);
        assertTrue(stuck.blocked.await(5, TimeUnit.SECONDS), "the stuck client's update did not start");
        for (int round = 2; round <= 4; round++) {
            mail.deliver(USER, "INBOX", MESSAGE);
            for (ClientStream s : others) {
                s.awaitText("* " + round + " EXISTS\r\n");
            }
        }
        for (IdleUpdates u : otherUpdates) {
            u.stop();
        }
        stuck.release();
        stuckUpdates.stop();
        assertTrue(stuck.text().startsWith("* 1 EXISTS\r\n"), stuck.text());
    }

    @Test
    void stopWaitsForARunningUpdateAndNoUpdateFollows() throws Exception {
        watcher = new IdleWatcher(2, Duration.ofSeconds(30), Duration.ofSeconds(30));
        ClientStream client = new ClientStream();
        client.block();
        IdleUpdates updates = watcher.watch(inbox(), new ResponseWriter(client));
        mail.deliver(USER, "INBOX", MESSAGE);
        assertTrue(client.blocked.await(5, TimeUnit.SECONDS));
        Thread stopper = new Thread(updates::stop);
        stopper.start();
        stopper.join(300);
        assertTrue(stopper.isAlive(), "stop returned while an update was still writing");
        client.release();
        stopper.join(5000);
        assertFalse(stopper.isAlive());
        String atStop = client.text();
        assertTrue(atStop.endsWith("\r\n"), "an update was cut short: " + atStop);
        mail.deliver(USER, "INBOX", MESSAGE);
        Thread.sleep(300);
        assertEquals(atStop, client.text(), "an update ran after stop");
    }

    @Test
    void foldersThatCannotNotifyArePolled() throws Exception {
        watcher = new IdleWatcher(1, Duration.ofSeconds(30), Duration.ofMillis(50));
        InMemoryMailStore store = new InMemoryMailStore();
        store.deliver(USER, "INBOX", "Subject: one\r\n\r\n1\r\n");
        try (FolderView view = store.mailbox(USER).open("INBOX", false)) {
            assertTrue(view.onChange(() -> { }).isEmpty());
            ClientStream client = new ClientStream();
            IdleUpdates updates = watcher.watch(new SelectedFolder(view), new ResponseWriter(client));
            store.deliver(USER, "INBOX", "Subject: two\r\n\r\n2\r\n");
            client.awaitText("* 2 EXISTS\r\n");
            updates.stop();
        }
    }

    /** What a client reads; can be made to stop reading, so that writes block. */
    private static final class ClientStream extends OutputStream {

        final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile boolean blocking;

        void block() {
            blocking = true;
        }

        void release() {
            blocking = false;
            released.countDown();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (blocking) {
                blocked.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            synchronized (bytes) {
                bytes.write(data, offset, length);
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        void awaitText(String wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!text().contains(wanted)) {
                assertTrue(System.nanoTime() < deadline, "no " + wanted.strip() + " in: " + text());
                Thread.sleep(10);
            }
        }
    }
}

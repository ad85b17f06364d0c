package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.FolderView;
import org.tegami.api.UserMailbox;
import org.tegami.testing.TempMaildir;

/** {@link FolderView#onChange}: the events that wake awaitChange also call the listeners. */
class FolderChangeListenerTest {

    static final String USER = "alice@localhost";
    static final String MESSAGE = "Subject: s\n\nbody\n";

    @TempDir
    Path tmp;
    TempMaildir mail;
    UserMailbox box;

    @BeforeEach
    void setUp() throws IOException {
        mail = new TempMaildir(tmp);
        box = mail.store().mailbox(USER);
    }

    @AfterEach
    void tearDown() {
        mail.close();
    }

    @Test
    void listenerIsCalledOnDeliveryAndOnAnotherViewsAppend() throws Exception {
        Semaphore calls = new Semaphore(0);
        try (FolderView watched = box.open("INBOX", false); FolderView other = box.open("INBOX", false)) {
            assertTrue(watched.onChange(calls::release).isPresent());
            mail.deliver(USER, "INBOX", MESSAGE);
            assertTrue(calls.tryAcquire(5, TimeUnit.SECONDS), "no call for the delivery");
            calls.drainPermits();
            other.append(new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.UTF_8)), Set.of(), Set.of(), null);
            assertTrue(calls.tryAcquire(5, TimeUnit.SECONDS), "no call for the other view's append");
            assertEquals(2, watched.refresh().added().size());
        }
    }

    @Test
    void listenerSeesOtherProgramsThroughRescan() throws Exception {
        Semaphore calls = new Semaphore(0);
        Path inbox = mail.root().resolve("localhost").resolve("alice");
        try (FolderView watched = box.open("INBOX", false)) {
            watched.onChange(calls::release);
            Files.writeString(inbox.resolve("new").resolve("1700000001.other.host"), MESSAGE);
            assertTrue(calls.tryAcquire(3, TimeUnit.SECONDS), "no call after the rescan");
            assertEquals(1, watched.refresh().added().size());
        }
    }

    @Test
    void anotherProgramsChangeFoundByOneViewsRefreshWakesTheOthers() throws Exception {
        Semaphore calls = new Semaphore(0);
        Path inbox = mail.root().resolve("localhost").resolve("alice");
        try (FolderView watched = box.open("INBOX", false); FolderView other = box.open("INBOX", false)) {
            watched.onChange(calls::release);
            Files.writeString(inbox.resolve("new").resolve("1700000002.other.host"), MESSAGE);
            // the rescan (every 200 ms) finds nothing new after this, so only the refresh can signal
            assertEquals(1, other.refresh().added().size());
            assertTrue(calls.tryAcquire(), "the refresh that found the message did not signal");
            assertEquals(1, watched.refresh().added().size());
        }
    }

    @Test
    void noCallsAfterTheSubscriptionOrTheViewIsClosed() throws Exception {
        AtomicInteger unsubscribed = new AtomicInteger();
        AtomicInteger ofClosedView = new AtomicInteger();
        Semaphore stillListening = new Semaphore(0);
        try (FolderView keeper = box.open("INBOX", false)) {
            keeper.onChange(stillListening::release);
            FolderView.Subscription s = keeper.onChange(unsubscribed::incrementAndGet).orElseThrow();
            s.close();
            s.close();
            FolderView closed = box.open("INBOX", false);
            closed.onChange(ofClosedView::incrementAndGet);
            closed.close();
            mail.deliver(USER, "INBOX", MESSAGE);
            assertTrue(stillListening.tryAcquire(5, TimeUnit.SECONDS), "the remaining listener was not called");
            assertEquals(0, unsubscribed.get());
            assertEquals(0, ofClosedView.get());
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        Semaphore calls = new Semaphore(0);
        try (FolderView watched = box.open("INBOX", false)) {
            watched.onChange(() -> {
                throw new IllegalStateException("broken listener");
            });
            watched.onChange(calls::release);
            mail.deliver(USER, "INBOX", MESSAGE);
            assertTrue(calls.tryAcquire(5, TimeUnit.SECONDS));
        }
    }
}

package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MessageInfo;
import org.tegami.testing.TempMaildir;

class MaildirConcurrencyTest {

    @TempDir
    Path tmp;

    @Test
    void parallelDeliveriesGetDistinctAscendingUids() throws Exception {
        try (TempMaildir mail = new TempMaildir(tmp)) {
            String user = "dave@localhost";
            mail.store().mailbox(user);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean done = new AtomicBoolean();
            List<Long> seen = new ArrayList<>();
            try (FolderView reader = mail.store().mailbox(user).open("INBOX", false)) {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    jobs.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            DeliveryResult r = mail.deliver("t" + thread + "-" + i, user, "INBOX",
                                    "Subject: " + i + "\n\nx\n", java.time.Instant.now());
                            assertEquals(DeliveryResult.Status.DELIVERED, r.status());
                        }
                        return null;
                    }));
                }
                Future<?> flagger = pool.submit(() -> {
                    while (!done.get()) {
                        for (MessageInfo m : reader.refresh().added()) {
                            seen.add(m.uid());
                            reader.store(m.uid(), FolderView.FlagChange.ADD, Set.of(Flag.SEEN), Set.of());
                        }
                    }
                    return null;
                });
                for (Future<?> f : jobs) {
                    f.get(60, TimeUnit.SECONDS);
                }
                done.set(true);
                flagger.get(60, TimeUnit.SECONDS);
                for (MessageInfo m : reader.refresh().added()) {
                    seen.add(m.uid());
                }
                assertEquals(100, reader.messages().size());
                assertEquals(100, new HashSet<>(seen).size());
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i) > seen.get(i - 1), "UIDs ascend");
                }
            } finally {
                pool.shutdownNow();
            }
            Path inbox = mail.root().resolve("localhost").resolve("dave");
            UidList list = UidList.parse(Files.readString(inbox.resolve("dovecot-uidlist")));
            assertEquals(100, list.entries.size());
            assertEquals(101, list.nextUid);
            try (MaildirStore restarted = new MaildirStore(mail.root(), "x");
                    FolderView again = restarted.mailbox(user).open("INBOX", true)) {
                assertEquals(100, again.messages().size());
            }
        }
    }
}

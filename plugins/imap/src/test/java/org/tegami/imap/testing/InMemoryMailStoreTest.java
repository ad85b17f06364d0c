package org.tegami.imap.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.FolderView.FlagChange;
import org.tegami.api.MailboxException;
import org.tegami.api.UserMailbox;
import org.tegami.testing.InMemoryMailStore;

/** The in-memory store keeps the Mailbox API's promises that the protocols rely on. */
class InMemoryMailStoreTest {

    private final InMemoryMailStore store = new InMemoryMailStore();

    @Test
    void newUsersGetInboxAndSpecialUseFolders() throws Exception {
        UserMailbox box = store.mailbox("alice@localhost");
        List<UserMailbox.FolderInfo> folders = box.folders();
        assertEquals("INBOX", folders.get(0).name());
        assertTrue(folders.contains(new UserMailbox.FolderInfo("Trash", "\\Trash", false)));
        assertEquals(6, folders.size());
        assertThrows(MailboxException.class, () -> box.create("a/../b"));
        assertThrows(MailboxException.class, () -> box.create("a.b"));
        assertThrows(MailboxException.class, () -> box.create("a//b"));
        assertThrows(MailboxException.class, () -> box.create("bad\u0001name"));
        assertThrows(MailboxException.class, () -> box.delete("inbox"));
        assertEquals(MailboxException.Reason.NONEXISTENT,
                assertThrows(MailboxException.class, () -> box.open("Nope", false)).reason());
    }

    @Test
    void viewsChangeOnlyOnRefreshAndReportChanges() throws Exception {
        long first = store.deliver("alice@localhost", "INBOX", "Subject: a\n\nx\n");
        try (FolderView one = store.mailbox("alice@localhost").open("INBOX", false);
                FolderView two = store.mailbox("alice@localhost").open("inbox", false)) {
            assertTrue(one.messages().get(0).recent());
            assertFalse(two.messages().get(0).recent());
            assertEquals(17, one.messages().get(0).size(), "LF became CRLF");
            long second = store.deliver("alice@localhost", "INBOX", "Subject: b\r\n\r\ny\r\n");
            assertEquals(1, one.messages().size());
            two.store(first, FlagChange.ADD, EnumSet.of(Flag.SEEN), Set.of("$Work"));
            two.expunge(List.of());
            FolderView.FolderChanges changes = one.refresh();
            assertEquals(List.of(second), changes.added().stream().map(m -> m.uid()).toList());
            assertEquals(1, changes.changed().size());
            assertTrue(changes.changed().get(0).has(Flag.SEEN));
            two.refresh();
            two.expunge(List.of(first));
            assertEquals(List.of(first), one.refresh().expunged());
            assertTrue(one.refresh().isEmpty());
            assertThrows(MailboxException.class, () -> one.open(first));
        }
    }

    @Test
    void awaitChangeWakesOnDeliveryAndTimesOut() throws Exception {
        try (FolderView view = store.mailbox("bob@localhost").open("INBOX", false)) {
            assertFalse(view.awaitChange(Duration.ofMillis(50)));
            Thread deliverer = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    store.deliver("bob@localhost", "INBOX", "Subject: c\r\n\r\nz\r\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            deliverer.start();
            long start = System.nanoTime();
            assertTrue(view.awaitChange(Duration.ofSeconds(5)));
            assertTrue(System.nanoTime() - start < 2_000_000_000L);
            deliverer.join();
        }
    }

    @Test
    void copyMoveAppendAndRenameKeepFlags() throws Exception {
        UserMailbox box = store.mailbox("carol@localhost");
        try (FolderView inbox = box.open("INBOX", false)) {
            long uid = inbox.append(new ByteArrayInputStream("Subject: d\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                    EnumSet.of(Flag.FLAGGED), Set.of("k"), null);
            assertEquals(uid, inbox.refresh().added().get(0).uid());
            FolderView.CopyResult copy = inbox.copy(List.of(uid), "Archive");
            assertEquals(java.util.Map.of(uid, 1L), copy.uidMap());
            inbox.move(List.of(uid), "Trash");
            assertEquals(List.of(uid), inbox.refresh().expunged());
            assertEquals(1, box.status("Trash").messages());
            try (FolderView trash = box.open("Trash", true)) {
                assertTrue(trash.messages().get(0).has(Flag.FLAGGED));
                assertEquals(Set.of("k"), trash.messages().get(0).keywords());
                assertThrows(MailboxException.class, () -> trash.expunge(List.of(1L)));
            }
            box.create("Projects/2026");
            box.rename("Projects", "Old");
            assertTrue(box.folders().stream().anyMatch(f -> f.name().equals("Old/2026")));
            box.rename("INBOX", "Saved");
            assertEquals(0, box.status("INBOX").messages());
        }
    }
}

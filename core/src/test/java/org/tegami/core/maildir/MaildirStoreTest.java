package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.FolderView.FlagChange;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;
import org.tegami.api.UserMailbox;
import org.tegami.testing.TempMaildir;

class MaildirStoreTest {

    static final String USER = "alice@localhost";
    static final String MESSAGE = "Subject: s\n\nbody\n";

    @TempDir
    Path tmp;
    TempMaildir mail;
    UserMailbox box;
    Path inbox;

    @BeforeEach
    void setUp() throws IOException {
        mail = new TempMaildir(tmp);
        box = mail.store().mailbox(USER);
        inbox = mail.root().resolve("localhost").resolve("alice");
    }

    @AfterEach
    void tearDown() {
        mail.close();
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newUserHasInboxAndSpecialUseFoldersSubscribed() throws IOException {
        List<UserMailbox.FolderInfo> folders = box.folders();
        assertEquals("INBOX", folders.get(0).name());
        assertEquals(List.of("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash"),
                folders.stream().map(UserMailbox.FolderInfo::name).toList());
        assertEquals("\\Sent", folders.get(4).specialUse());
        assertEquals(Set.of("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash"), box.subscriptions());
        assertTrue(Files.readString(inbox.resolve("subscriptions")).startsWith("V\t2\n\n"));
    }

    @Test
    void firstWritableViewGetsRecentAndMovesToCur() throws IOException {
        mail.deliver(USER, "INBOX", MESSAGE);
        try (FolderView ro = box.open("INBOX", true)) {
            assertTrue(ro.messages().get(0).recent());
            assertEquals(1, names(inbox.resolve("new")).size());
            assertEquals(1, box.status("INBOX").recent());
        }
        try (FolderView rw = box.open("INBOX", false); FolderView second = box.open("INBOX", false)) {
            assertTrue(rw.messages().get(0).recent());
            assertFalse(second.messages().get(0).recent());
            assertTrue(names(inbox.resolve("new")).isEmpty());
            assertTrue(names(inbox.resolve("cur")).get(0).endsWith(":2,"));
        }
        assertEquals(0, box.status("INBOX").recent());
    }

    @Test
    void uidsAreStableAcrossRestartAndWrittenForDovecot() throws IOException {
        for (int i = 0; i < 3; i++) {
            mail.deliver(USER, "INBOX", MESSAGE + i);
        }
        List<MessageInfo> before;
        long validity;
        try (FolderView v = box.open("INBOX", false)) {
            before = v.messages();
            validity = v.uidValidity();
            v.expunge(List.of(before.get(1).uid()));
        }
        mail.close();
        String uidlist = Files.readString(inbox.resolve("dovecot-uidlist"));
        assertTrue(uidlist.startsWith("3 V" + validity + " N4 G"), uidlist);
        assertTrue(Files.exists(inbox.resolve("tegami-cache")));
        try (MaildirStore again = new MaildirStore(mail.root(), "test.example");
                FolderView v = again.mailbox(USER).open("INBOX", false)) {
            assertEquals(validity, v.uidValidity());
            assertEquals(List.of(before.get(0).uid(), before.get(2).uid()),
                    v.messages().stream().map(MessageInfo::uid).toList());
            assertEquals(before.get(2).key(), v.messages().get(1).key());
            assertEquals(4, v.uidNext());
        }
        String cache = Files.readString(inbox.resolve("tegami-cache"));
        Files.writeString(inbox.resolve("tegami-cache"), cache.substring(0, cache.indexOf('\n') + 1));
        try (MaildirStore again = new MaildirStore(mail.root(), "test.example");
                FolderView v = again.mailbox(USER).open("INBOX", false)) {
            assertEquals(2, v.messages().size(), "a cut-off cache is rebuilt from the folder");
        }
        Files.delete(inbox.resolve("tegami-cache"));
        try (MaildirStore again = new MaildirStore(mail.root(), "test.example");
                FolderView v = again.mailbox(USER).open("INBOX", false)) {
            assertEquals(List.of(1L, 3L), v.messages().stream().map(MessageInfo::uid).toList());
        }
    }

    @Test
    void honoursUidsOfAnExistingDovecotUidlist() throws IOException {
        Path cur = inbox.resolve("cur");
        Files.writeString(cur.resolve("1276528487.M364837P9451.kurkku,S=1355,W=1394:2,"), "a\n");
        Files.writeString(cur.resolve("1276533073.M242911P3632.kurkku:2,F"), "Subject: x\n\nb\n");
        Files.writeString(inbox.resolve("dovecot-uidlist"), MaildirFormatsTest.DOVECOT_UIDLIST);
        try (FolderView v = box.open("INBOX", false)) {
            assertEquals(1275660208L, v.uidValidity());
            assertEquals(List.of(25006L, 25017L), v.messages().stream().map(MessageInfo::uid).toList());
            assertEquals(Set.of(Flag.FLAGGED), v.messages().get(1).flags());
            assertEquals(2481, v.messages().get(1).size(), "W from the uidlist wins, as in Dovecot");
            mail.deliver(USER, "INBOX", MESSAGE);
            assertEquals(25022L, v.refresh().added().get(0).uid());
        }
        String written = Files.readString(inbox.resolve("dovecot-uidlist"));
        assertTrue(written.startsWith("3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1\n"), written);
        assertTrue(written.contains("\n25022 :"), "appended like Dovecot, the header N lagging");
        assertTrue(written.contains("\n25006 P0001abcd :1276528487.M364837P9451.kurkku,S=1355,W=1394:2,\n"), written);
        assertTrue(written.contains("\n25017 W2481 S14 :1276533073.M242911P3632.kurkku:2,F\n"), written);
        assertFalse(written.contains("1276538000.M1P2.kurkku"), "a record without a file is dropped");
        {
        }
    }

    @Test
    void takesUidlistUidsEvenWhenNamesSortOtherwise() throws IOException {
        Files.writeString(inbox.resolve("cur").resolve("1000.a.h:2,"), "x\n");
        Files.writeString(inbox.resolve("cur").resolve("2000.b.h:2,"), "y\n");
        Files.writeString(inbox.resolve("dovecot-uidlist"), "3 V42 N8 G0\n3 :2000.b.h:2,\n7 :1000.a.h:2,\n");
        try (FolderView v = box.open("INBOX", false)) {
            assertEquals(List.of("2000.b.h", "1000.a.h"), v.messages().stream().map(MessageInfo::key).toList());
            assertEquals(List.of(3L, 7L), v.messages().stream().map(MessageInfo::uid).toList());
        }
    }

    @Test
    void readsKeywordLettersThroughDovecotKeywords() throws IOException {
        Files.writeString(inbox.resolve("dovecot-keywords"), "0 $Forwarded\n1 Junk\n");
        Files.writeString(inbox.resolve("cur").resolve("1700000000.M1P1.other,S=3,W=4:2,Sb"), "x\n");
        try (FolderView v = box.open("INBOX", false)) {
            MessageInfo m = v.messages().get(0);
            assertEquals(Set.of("Junk"), m.keywords());
            assertEquals(Set.of(Flag.SEEN), m.flags());
            // another program adds a keyword the state has not seen yet
            Files.writeString(inbox.resolve("dovecot-keywords"), "0 $Forwarded\n1 Junk\n2 $Label1\n");
            Files.move(inbox.resolve("cur").resolve("1700000000.M1P1.other,S=3,W=4:2,Sb"),
                    inbox.resolve("cur").resolve("1700000000.M1P1.other,S=3,W=4:2,Sbc"));
            List<MessageInfo> changed = v.refresh().changed();
            assertEquals(Set.of("Junk", "$Label1"), changed.get(0).keywords());
            v.store(m.uid(), FlagChange.ADD, Set.of(), Set.of("$forwarded"));
            assertEquals(List.of("1700000000.M1P1.other,S=3,W=4:2,Sabc"), names(inbox.resolve("cur")));
        }
    }

    @Test
    void fileDroppedIntoNewByHandGetsNextUid() throws IOException {
        try (FolderView v = box.open("INBOX", false)) {
            long first = v.append(text(MESSAGE), Set.of(), Set.of(), null);
            v.refresh();
            Files.writeString(inbox.resolve("new").resolve("1700000000.handmade.host"), "Subject: hand\n\nx\n");
            List<MessageInfo> added = v.refresh().added();
            assertEquals(1, added.size());
            assertEquals(first + 1, added.get(0).uid());
            assertEquals("1700000000.handmade.host", added.get(0).key());
            assertEquals(20, added.get(0).size());
            assertTrue(added.get(0).recent());
        }
    }

    @Test
    void twoViewsSeeEachOthersChanges() throws IOException {
        mail.deliver(USER, "INBOX", MESSAGE);
        mail.deliver(USER, "INBOX", MESSAGE + "2");
        try (FolderView a = box.open("INBOX", false); FolderView b = box.open("INBOX", false)) {
            long u1 = a.messages().get(0).uid();
            long u2 = a.messages().get(1).uid();
            MessageInfo stored = a.store(u1, FlagChange.ADD, Set.of(Flag.SEEN, Flag.FLAGGED), Set.of("$Work"));
            assertEquals(Set.of(Flag.SEEN, Flag.FLAGGED), stored.flags());
            a.expunge(List.of(u2));
            long appended = a.append(text("Subject: new\r\n\r\nhi\r\n"), Set.of(Flag.DRAFT), Set.of(), null);
            assertEquals(2, b.messages().size());
            FolderView.FolderChanges seen = b.refresh();
            assertEquals(List.of(u2), seen.expunged());
            assertEquals(List.of(u1), seen.changed().stream().map(MessageInfo::uid).toList());
            assertEquals(Set.of("$Work"), seen.changed().get(0).keywords());
            assertEquals(List.of(appended), seen.added().stream().map(MessageInfo::uid).toList());
            assertEquals(Set.of(Flag.DRAFT), seen.added().get(0).flags());
            assertTrue(b.refresh().isEmpty());
            FolderView.FolderChanges own = a.refresh();
            assertEquals(List.of(u2), own.expunged());
            assertEquals(List.of(u1, appended), a.messages().stream().map(MessageInfo::uid).toList());
        }
        String keywords = Files.readString(inbox.resolve("dovecot-keywords"));
        assertEquals("0 $Work\n", keywords);
        assertTrue(names(inbox.resolve("cur")).stream().anyMatch(n -> n.endsWith(":2,FSa")));
    }

    @Test
    void ownFileFoundByARescanFirstKeepsOneUid() throws IOException {
        FolderState state = mail.store().acquire(inbox);
        try {
            String name = "1700000000.M1P1Q1.test.example,S=2,W=3:2,S";
            Files.writeString(inbox.resolve("cur").resolve(name), "x\n");
            state.sync(true);
            long found = state.infos().get(0).uid();
            List<Long> own = state.addOwn(List.of(new NewFile(name, false, 2, 3, Instant.ofEpochSecond(1700000000L))));
            assertEquals(List.of(found), own);
            assertEquals(1, state.infos().size());
        } finally {
            mail.store().release(state);
        }
    }

    @Test
    void awaitChangeIsWokenByDelivery() throws Exception {
        try (FolderView v = box.open("INBOX", false)) {
            Thread deliverer = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    mail.deliver(USER, "INBOX", MESSAGE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            deliverer.start();
            long start = System.nanoTime();
            assertTrue(v.awaitChange(Duration.ofSeconds(5)));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
            deliverer.join();
            assertEquals(1, v.refresh().added().size());
        }
    }

    @Test
    void awaitChangeTimesOutWhenNothingHappens() throws Exception {
        mail.deliver(USER, "Sent", MESSAGE);
        try (FolderView v = box.open("Sent", false)) {
            Thread.sleep(300);
            v.refresh();
            long start = System.nanoTime();
            assertFalse(v.awaitChange(Duration.ofMillis(500)));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(450).toNanos());
        }
    }

    @Test
    void awaitChangeSeesOtherProgramsThroughRescan() throws Exception {
        try (FolderView v = box.open("INBOX", false)) {
            Files.writeString(inbox.resolve("new").resolve("1700000001.other.host"), MESSAGE);
            assertTrue(v.awaitChange(Duration.ofSeconds(3)));
            assertEquals(1, v.refresh().added().size());
        }
    }

    @Test
    void openStreamsCrlfAndKnowsExpunged() throws IOException {
        try (FolderView v = box.open("INBOX", false)) {
            long uid = v.append(text("A: b\n\nline\n"), Set.of(), Set.of(), Instant.parse("2025-01-02T03:04:05Z"));
            v.refresh();
            MessageInfo m = v.messages().get(0);
            assertEquals(Instant.parse("2025-01-02T03:04:05Z"), m.internalDate());
            try (InputStream in = v.open(uid)) {
                assertEquals("A: b\r\n\r\nline\r\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            assertEquals(14, m.size());
            v.expunge(List.of(uid));
            MailboxException e = assertThrows(MailboxException.class, () -> v.open(uid));
            assertEquals(MailboxException.Reason.EXPUNGED, e.reason());
        }
    }

    @Test
    void copyKeepsFlagsAndMoveRemoves() throws IOException {
        try (FolderView v = box.open("INBOX", false)) {
            long a = v.append(text(MESSAGE), Set.of(Flag.SEEN), Set.of("Important"), null);
            long b = v.append(text(MESSAGE + "b"), Set.of(), Set.of(), null);
            v.refresh();
            FolderView.CopyResult copied = v.copy(List.of(a), "Archive");
            assertEquals(1, copied.uidMap().size());
            FolderView.CopyResult moved = v.move(List.of(b), "Archive");
            try (FolderView archive = box.open("Archive", false)) {
                assertEquals(copied.uidValidity(), archive.uidValidity());
                MessageInfo c = archive.messages().get(0);
                assertEquals(copied.uidMap().get(a), c.uid());
                assertEquals(Set.of(Flag.SEEN), c.flags());
                assertEquals(Set.of("Important"), c.keywords());
                assertEquals(moved.uidMap().get(b), archive.messages().get(1).uid());
            }
            assertEquals(List.of(b), v.refresh().expunged());
            assertThrows(MailboxException.class, () -> v.copy(List.of(a), "Nowhere"));
        }
        assertEquals(2, box.status("Archive").messages());
        assertEquals(1, box.status("Archive").unseen());
    }

    @Test
    void readOnlyViewRefusesChanges() throws IOException {
        mail.deliver(USER, "INBOX", MESSAGE);
        try (FolderView v = box.open("INBOX", true)) {
            long uid = v.messages().get(0).uid();
            assertThrows(MailboxException.class, () -> v.store(uid, FlagChange.ADD, Set.of(Flag.SEEN), Set.of()));
            assertThrows(MailboxException.class, () -> v.expunge(List.of(uid)));
        }
    }

    @Test
    void createDeleteAndRenameFolders() throws IOException {
        box.create("Projects/Tegami/Notes");
        assertThrows(MailboxException.class, () -> box.create("Projects"));
        assertTrue(Files.isDirectory(inbox.resolve(".Projects.Tegami.Notes").resolve("cur")));
        try (FolderView v = box.open("Projects/Tegami", false)) {
            v.append(text(MESSAGE), Set.of(), Set.of(), null);
        }
        box.subscribe("Projects/Tegami");
        box.rename("Projects", "Old/Projects");
        assertTrue(box.subscriptions().contains("Old/Projects/Tegami"));
        List<String> names = box.folders().stream().map(UserMailbox.FolderInfo::name).toList();
        assertTrue(names.containsAll(List.of("Old", "Old/Projects", "Old/Projects/Tegami", "Old/Projects/Tegami/Notes")));
        assertFalse(names.contains("Projects"));
        assertEquals(1, box.status("Old/Projects/Tegami").messages());
        assertTrue(box.folders().stream().filter(f -> f.name().equals("Old")).findFirst().orElseThrow().hasChildren());
        box.rename("Old/Projects/Tegami/Notes", "INBOX/Notes");
        assertEquals(1, box.status("Old/Projects/Tegami").messages());
        assertTrue(Files.isDirectory(inbox.resolve(".INBOX.Notes").resolve("cur")));
        assertTrue(box.folders().get(0).hasChildren());
        box.delete("Old/Projects/Tegami");
        assertFalse(box.folders().stream().anyMatch(f -> f.name().equals("Old/Projects/Tegami")));
        assertEquals(MailboxException.Reason.CANNOT,
                assertThrows(MailboxException.class, () -> box.delete("inbox")).reason());
        assertEquals(MailboxException.Reason.NONEXISTENT,
                assertThrows(MailboxException.class, () -> box.open("Missing", false)).reason());
        box.create("Entwürfe");
        assertTrue(Files.isDirectory(inbox.resolve(".Entw&APw-rfe")));
    }

    @Test
    void renamingInboxMovesMessagesAndLeavesItEmpty() throws IOException {
        mail.deliver(USER, "INBOX", MESSAGE);
        try (FolderView v = box.open("INBOX", false)) {
            v.append(text(MESSAGE), Set.of(Flag.ANSWERED), Set.of("$Done"), null);
        }
        box.rename("INBOX", "Before2026");
        assertEquals(0, box.status("INBOX").messages());
        try (FolderView v = box.open("Before2026", false)) {
            assertEquals(2, v.messages().size());
            assertTrue(v.messages().stream().anyMatch(m -> m.keywords().equals(Set.of("$Done"))));
        }
    }

    @Test
    void refusesIllegalNames() {
        for (String bad : List.of("a/../b", "..", "x.y", "bad\u0001", "/abs")) {
            assertEquals(MailboxException.Reason.INVALID_NAME,
                    assertThrows(MailboxException.class, () -> box.create(bad)).reason(), bad);
        }
        assertThrows(MailboxException.class, () -> box.rename("Sent", "../escape"));
        assertThrows(MailboxException.class, () -> mail.store().mailbox("../../etc@x"));
    }

    @Test
    void subscriptionsAreKept() throws IOException {
        box.create("Lists/Java");
        box.subscribe("Lists/Java");
        box.unsubscribe("Junk");
        Set<String> subs = box.subscriptions();
        assertTrue(subs.contains("Lists/Java"));
        assertFalse(subs.contains("Junk"));
        assertTrue(Files.readString(inbox.resolve("subscriptions")).contains("Lists\tJava\n"));
    }

    @Test
    void statusAndUsedBytes() throws IOException {
        mail.deliver(USER, "INBOX", MESSAGE);
        mail.deliver(USER, "Sent", MESSAGE);
        UserMailbox.FolderStatus s = box.status("INBOX");
        assertEquals(1, s.messages());
        assertEquals(1, s.unseen());
        assertEquals(2, s.uidNext());
        long fileSize = names(inbox.resolve("new")).stream()
                .mapToLong(n -> MaildirFileName.parse(n).sizeField('S')).sum();
        assertEquals(2 * fileSize, box.usedBytes());
        assertNull(box.folders().get(0).specialUse());
        UserMailbox.FolderStatus empty = box.status("Drafts");
        assertTrue(empty.uidValidity() > 0);
        assertEquals(1, empty.uidNext());
        assertTrue(Files.exists(inbox.resolve(".Drafts").resolve("dovecot-uidlist")));
    }

    @Test
    void storeRenamesFileAndFlagsSurviveRestart() throws IOException {
        long uid;
        try (FolderView v = box.open("INBOX", false)) {
            uid = v.append(text(MESSAGE), Set.of(), Set.of(), null);
            v.store(uid, FlagChange.REPLACE, Set.of(Flag.DELETED, Flag.SEEN), Set.of("Later"));
            v.store(uid, FlagChange.REMOVE, Set.of(Flag.DELETED), Set.of());
        }
        mail.close();
        try (MaildirStore again = new MaildirStore(mail.root(), "h", Clock.systemUTC(), Duration.ofSeconds(1));
                FolderView v = again.mailbox(USER).open("INBOX", true)) {
            MessageInfo m = v.messages().get(0);
            assertEquals(uid, m.uid());
            assertEquals(Set.of(Flag.SEEN), m.flags());
            assertEquals(Set.of("Later"), m.keywords());
        }
    }

    @Test
    void appendAndCopyOverTheQuotaAreRefusedAndLeaveNoFileWhileMoveIsAllowed() throws IOException {
        String body = "Subject: q\n\n" + "x".repeat(400) + "\n";
        try (MaildirStore limited = new MaildirStore(mail.root(), "test.host", user -> 1000)) {
            UserMailbox b = limited.mailbox(USER);
            try (FolderView v = b.open("INBOX", false)) {
                long first = v.append(text(body), Set.of(), Set.of(), null);
                v.append(text(body), Set.of(), Set.of(), null);

                MailboxException full = assertThrows(MailboxException.class,
                        () -> v.append(text(body), Set.of(), Set.of(), null));
                assertEquals(MailboxException.Reason.OVER_QUOTA, full.reason());
                MailboxException copy = assertThrows(MailboxException.class, () -> v.copy(List.of(first), "Archive"));
                assertEquals(MailboxException.Reason.OVER_QUOTA, copy.reason());

                assertEquals(2, names(inbox.resolve("cur")).size());
                assertEquals(List.of(), names(inbox.resolve("tmp")));
                assertEquals(List.of(), names(inbox.resolve(".Archive/cur")));

                v.move(List.of(first), "Archive");
                assertEquals(1, names(inbox.resolve(".Archive/cur")).size());
            }
        }
    }
}

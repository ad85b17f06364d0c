package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.DeliveryResult;
import org.tegami.api.FolderView;
import org.tegami.api.MessageInfo;
import org.tegami.testing.TempMaildir;

class MaildirDeliveryTest {

    static final String MESSAGE = "Subject: hello\nFrom: a@example.org\n\nline one\nline two\n";
    static final Instant ARRIVAL = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path tmp;
    TempMaildir mail;
    Path inbox;

    @BeforeEach
    void setUp() throws IOException {
        mail = new TempMaildir(tmp);
        inbox = mail.root().resolve("localhost").resolve("alice");
    }

    @AfterEach
    void tearDown() {
        mail.close();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void storesLfWithReturnPathAndDeliveredTo() throws IOException {
        DeliveryResult r = mail.deliver("q1-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        assertEquals(DeliveryResult.Status.DELIVERED, r.status());
        List<String> files = names(inbox.resolve("new"));
        assertEquals(1, files.size());
        String stored = Files.readString(inbox.resolve("new").resolve(files.get(0)), StandardCharsets.UTF_8);
        String expected = "Return-Path: <sender@example.org>\nDelivered-To: alice@localhost\n" + MESSAGE;
        assertEquals(expected, stored);
        long lines = expected.chars().filter(c -> c == '\n').count();
        assertEquals(ARRIVAL.getEpochSecond() + ".q1-0.test.example,S=" + expected.length() + ",W="
                + (expected.length() + lines), files.get(0));
        assertTrue(names(inbox.resolve("tmp")).isEmpty());
    }

    @Test
    void readsBackWithCrlfAndCrlfSize() throws IOException {
        mail.deliver("q2-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        try (FolderView v = mail.store().mailbox("alice@localhost").open("INBOX", false)) {
            MessageInfo m = v.messages().get(0);
            byte[] bytes;
            try (InputStream in = v.open(m.uid())) {
                bytes = in.readAllBytes();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertEquals(("Return-Path: <sender@example.org>\nDelivered-To: alice@localhost\n" + MESSAGE)
                    .replace("\n", "\r\n"), text);
            assertEquals(bytes.length, m.size());
            assertEquals(ARRIVAL, m.internalDate());
        }
    }

    @Test
    void retryWithCopyInNewDoesNotDuplicate() throws IOException {
        mail.deliver("q3-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        DeliveryResult again = mail.deliver("q3-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        assertEquals(DeliveryResult.Status.DELIVERED, again.status());
        assertEquals(1, names(inbox.resolve("new")).size());
    }

    @Test
    void retryAfterCrashWithFileOnlyInTmpDelivers() throws IOException {
        mail.store().mailbox("alice@localhost");
        Path half = inbox.resolve("tmp").resolve(ARRIVAL.getEpochSecond() + ".q4-0.test.example");
        Files.writeString(half, "Return-Path: <sender@example.org>\nSubj");
        DeliveryResult r = mail.deliver("q4-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        assertEquals(DeliveryResult.Status.DELIVERED, r.status());
        assertEquals(1, names(inbox.resolve("new")).size());
        assertTrue(names(inbox.resolve("tmp")).isEmpty());
        String stored = Files.readString(inbox.resolve("new").resolve(names(inbox.resolve("new")).get(0)));
        assertTrue(stored.endsWith(MESSAGE));
    }

    @Test
    void retryFindsCopyMovedToCurWithFlags() throws IOException {
        mail.deliver("q5-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        String name = names(inbox.resolve("new")).get(0);
        // as mutt does it: straight to cur/ with flags, no uidlist
        Files.move(inbox.resolve("new").resolve(name), inbox.resolve("cur").resolve(name + ":2,RS"));
        DeliveryResult r = mail.deliver("q5-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        assertEquals(DeliveryResult.Status.DELIVERED, r.status());
        assertTrue(names(inbox.resolve("new")).isEmpty());
        assertEquals(List.of(name + ":2,RS"), names(inbox.resolve("cur")));
    }

    @Test
    void retryFindsCopyClaimedByAnOpenView() throws IOException {
        mail.deliver("q6-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
        try (FolderView v = mail.store().mailbox("alice@localhost").open("INBOX", false)) {
            long uid = v.messages().get(0).uid();
            v.store(uid, FolderView.FlagChange.ADD, java.util.Set.of(org.tegami.api.Flag.SEEN), java.util.Set.of("$Work"));
            DeliveryResult r = mail.deliver("q6-0", "alice@localhost", "INBOX", MESSAGE, ARRIVAL);
            assertEquals(DeliveryResult.Status.DELIVERED, r.status());
            assertTrue(v.refresh().added().isEmpty());
            assertEquals(1, v.messages().size());
        }
        assertEquals(1, names(inbox.resolve("cur")).size());
    }

    @Test
    void overQuotaIsDeferredWith452() throws IOException {
        mail.quota("alice@localhost", 300);
        assertEquals(DeliveryResult.Status.DELIVERED, mail.deliver("alice@localhost", "INBOX", MESSAGE).status());
        assertEquals(DeliveryResult.Status.DELIVERED, mail.deliver("alice@localhost", "INBOX", MESSAGE).status());
        DeliveryResult full = mail.deliver("alice@localhost", "INBOX", MESSAGE);
        assertEquals(DeliveryResult.Status.DEFERRED, full.status());
        assertEquals(452, full.reply().code());
        assertEquals("4.2.2", full.reply().enhanced());
        assertEquals(2, names(inbox.resolve("new")).size());
        assertTrue(names(inbox.resolve("tmp")).isEmpty());
    }

    @Test
    void createsUnknownFolderAndNewUserFolders() throws IOException {
        DeliveryResult r = mail.deliver("bob@example.net", "Lists/Java", MESSAGE);
        assertEquals(DeliveryResult.Status.DELIVERED, r.status());
        Path bob = mail.root().resolve("example.net").resolve("bob");
        assertEquals(1, names(bob.resolve(".Lists.Java").resolve("new")).size());
        for (String special : List.of(".Sent", ".Drafts", ".Trash", ".Junk", ".Archive")) {
            assertTrue(Files.isDirectory(bob.resolve(special).resolve("cur")), special);
        }
        assertTrue(Files.exists(bob.resolve(".Sent").resolve("maildirfolder")));
    }

    @Test
    void plainUserNameLivesAtTheRoot() throws IOException {
        mail.deliver("carol", "INBOX", MESSAGE);
        assertEquals(1, names(mail.root().resolve("carol").resolve("new")).size());
    }

    @Test
    void illegalFolderFails() throws IOException {
        DeliveryResult r = mail.deliver("alice@localhost", "../../etc", MESSAGE);
        assertEquals(DeliveryResult.Status.FAILED, r.status());
        assertFalse(Files.exists(mail.root().resolve("etc")));
    }

    @Test
    void diskErrorIsDeferredWith451() throws IOException {
        mail.store().mailbox("alice@localhost");
        Path tmpDir = inbox.resolve("tmp");
        Files.delete(tmpDir);
        Files.writeString(tmpDir, "not a directory");
        DeliveryResult r = mail.deliver("alice@localhost", "INBOX", MESSAGE);
        assertEquals(DeliveryResult.Status.DEFERRED, r.status());
        assertEquals(451, r.reply().code());
        assertEquals("4.3.0", r.reply().enhanced());
    }
}

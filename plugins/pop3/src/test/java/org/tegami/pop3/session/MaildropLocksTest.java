package org.tegami.pop3.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildropLocksTest {

    private static final Duration STALE = Duration.ofMinutes(15);

    @TempDir
    Path mailDir;
    private Path userDir;
    private Path lockFile;

    @BeforeEach
    void makeMaildir() throws Exception {
        userDir = mailDir.resolve("localhost").resolve("alice");
        Files.createDirectories(userDir.resolve("cur"));
        lockFile = userDir.resolve(MaildropLocks.LOCK_FILE);
    }

    private MaildropLocks locks(Clock clock) throws Exception {
        return new MaildropLocks(mailDir, STALE, InetAddress.getLocalHost().getHostName(), clock);
    }

    @Test
    void secondSessionOfTheSameProcessIsRefusedUntilRelease() throws Exception {
        MaildropLocks locks = new MaildropLocks(null, STALE, "h", Clock.systemUTC());
        Optional<MaildropLock> first = locks.acquire("bob@localhost");
        assertTrue(first.isPresent());
        assertTrue(locks.acquire("BOB@localhost").isEmpty(), "user names compare without case");
        assertTrue(locks.acquire("carol@localhost").isPresent(), "other users are independent");
        first.get().close();
        first.get().close();
        assertTrue(locks.acquire("bob@localhost").isPresent());
    }

    @Test
    void twoProcessesAgreeThroughTheLockFile() throws Exception {
        MaildropLocks processA = locks(Clock.systemUTC());
        MaildropLocks processB = locks(Clock.systemUTC());
        Optional<MaildropLock> held = processA.acquire("alice@localhost");
        assertTrue(held.isPresent());
        assertTrue(Files.exists(lockFile));
        assertTrue(processB.acquire("alice@localhost").isEmpty());
        held.get().close();
        assertFalse(Files.exists(lockFile));
        assertTrue(processB.acquire("alice@localhost").isPresent());
    }

    @Test
    void staleLockFileIsBroken() throws Exception {
        Files.writeString(lockFile, ProcessHandle.current().pid() + "@elsewhere.example old");
        Files.setLastModifiedTime(lockFile, FileTime.from(Instant.now().minus(STALE).minusSeconds(60)));
        assertTrue(locks(Clock.systemUTC()).acquire("alice@localhost").isPresent());
        assertTrue(Files.readString(lockFile).startsWith(ProcessHandle.current().pid() + "@"));
    }

    @Test
    void freshLockFileOfAnotherHostHolds() throws Exception {
        Files.writeString(lockFile, "1@elsewhere.example token");
        assertTrue(locks(Clock.systemUTC()).acquire("alice@localhost").isEmpty());
        // fifteen minutes later nobody has refreshed it
        Clock later = Clock.fixed(Instant.now().plus(STALE).plusSeconds(60), ZoneOffset.UTC);
        assertTrue(locks(later).acquire("alice@localhost").isPresent());
    }

    @Test
    void lockFileOfADeadProcessOnThisHostIsBroken() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        Files.writeString(lockFile, Long.MAX_VALUE / 2 + "@" + host + " token");
        assertTrue(locks(Clock.systemUTC()).acquire("alice@localhost").isPresent());
    }

    @Test
    void refreshKeepsTheLockFileYoung() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        MaildropLock lock = locks(clock).acquire("alice@localhost").orElseThrow();
        now[0] = start.plus(Duration.ofMinutes(10));
        lock.refresh();
        Clock later = Clock.fixed(start.plus(Duration.ofMinutes(24)), ZoneOffset.UTC);
        assertTrue(locks(later).acquire("alice@localhost").isEmpty(), "refreshed at 10 minutes, still fresh at 24");
        Clock muchLater = Clock.fixed(start.plus(Duration.ofMinutes(26)), ZoneOffset.UTC);
        assertTrue(locks(muchLater).acquire("alice@localhost").isPresent());
        lock.close();
        assertTrue(Files.exists(lockFile), "a broken lock's old holder does not remove the new holder's file");
    }

    @Test
    void withoutAMaildirOnlyTheProcessLockIsUsed() throws Exception {
        MaildropLocks locks = locks(Clock.systemUTC());
        assertTrue(locks.acquire("nobody@localhost").isPresent());
        assertTrue(locks.acquire("nobody@localhost").isEmpty());
        assertFalse(Files.exists(mailDir.resolve("localhost").resolve("nobody")));
    }
}

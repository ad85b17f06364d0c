package org.tegami.core.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.core.server.ReloadOutcome;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void claimWritesPidAndHostAndCloseRemovesIt() throws IOException {
        Path file = dir.resolve("run/tegami.pid");
        try (PidFile pid = PidFile.claim(file).orElseThrow()) {
            assertEquals(ProcessHandle.current().pid() + "\n" + PidFile.localHost() + "\n", Files.readString(file));
            assertEquals(Optional.of(new PidFile.Owner(ProcessHandle.current().pid(), PidFile.localHost())),
                    PidFile.running(file));
            assertEquals(Optional.empty(), PidFile.claim(file), "a second instance on the same file runs without one");
            assertTrue(Files.exists(file), "and leaves the first one's file alone");
        }
        assertFalse(Files.exists(file));
        assertEquals(Optional.empty(), PidFile.running(file));
    }

    @Test
    void aFileNobodyLocksIsStale() throws IOException {
        Path file = dir.resolve("tegami.pid");
        Files.writeString(file, "1\nsomewhere\n");
        assertEquals(Optional.empty(), PidFile.running(file), "left by a crash: not signalled");
        try (PidFile pid = PidFile.claim(file).orElseThrow()) {
            assertEquals(ProcessHandle.current().pid(), PidFile.running(file).orElseThrow().pid());
        }
    }

    @Test
    void reloadReportsAreNumberedUpwardsAcrossDaemons() throws IOException {
        ReloadStatus status = ReloadStatus.besidePidFile(dir.resolve("tegami.pid"));
        assertEquals(dir.resolve("tegami.pid.reload"), status.file());
        assertEquals(Optional.empty(), status.read());
        status.write(ReloadOutcome.applied("domains [a] -> [a, b]"));
        status.write(ReloadOutcome.refused("conf/tegami.conf:3: x: bad\nsecond line"));
        ReloadStatus.Report report = status.read().orElseThrow();
        assertEquals(2, report.number());
        assertEquals(ReloadOutcome.refused("conf/tegami.conf:3: x: bad second line"), report.outcome());
        new ReloadStatus(status.file()).write(ReloadOutcome.failed("port taken"));
        assertEquals(3, status.read().orElseThrow().number(), "a restarted daemon goes on counting");
    }

    @Test
    void aDaemonThatCannotReceiveSighupSaysSoUntilTheNextOneStarts() throws IOException {
        ReloadStatus status = ReloadStatus.besidePidFile(dir.resolve("tegami.pid"));
        assertEquals(Optional.empty(), status.unreachable());
        status.unreachable(Optional.of("SIGHUP was ignored"));
        assertEquals(Optional.of("SIGHUP was ignored"), new ReloadStatus(status.file()).unreachable());
        status.unreachable(Optional.empty());
        assertEquals(Optional.empty(), status.unreachable(), "a daemon that can be reached takes it back");
        status.unreachable(Optional.of("SIGHUP was ignored"));
        status.delete();
        assertEquals(Optional.empty(), status.unreachable(), "gone with a clean stop");
    }
}

package org.tegami.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.UserAccount;

class PasswdFileDirectoryTest {

    @TempDir
    Path dir;

    private Path write(String content, Instant mtime) throws IOException {
        Path file = dir.resolve("users");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return file;
    }

    @Test
    void findsUsersCaseInsensitivelyAndListsThemSorted() throws Exception {
        Path file = write("zed@x.org:{PLAIN}z\nAnn@x.org:{PLAIN}a::::::quota=1M\nbad line\n", Instant.now());
        PasswdFileDirectory d = new PasswdFileDirectory(file);
        assertEquals(1L << 20, d.find("ANN@X.ORG").orElseThrow().quotaBytes());
        assertEquals(List.of("ann@x.org", "zed@x.org"), d.all().stream().map(UserAccount::name).toList());
        assertEquals(1, d.problems().size());
        assertEquals(3, d.problems().get(0).line());
        assertEquals("{PLAIN}z", d.credential("zed@x.org").orElseThrow().storedPassword());
    }

    @Test
    void rereadsTheFileWhenItChanges() throws Exception {
        FakeClock clock = new FakeClock();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Path file = write("a@x.org:{PLAIN}a\n", t0);
        PasswdFileDirectory d = new PasswdFileDirectory(file, Duration.ofSeconds(1), clock);
        assertTrue(d.find("a@x.org").isPresent());

        write("a@x.org:{PLAIN}a\nb@x.org:{PLAIN}b\n", t0.plusSeconds(5));
        assertTrue(d.find("b@x.org").isEmpty(), "not checked again within the interval");
        clock.advance(Duration.ofMillis(1000));
        assertTrue(d.find("b@x.org").isPresent());

        Files.delete(file);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), d.all());
    }

    @Test
    void sameSizeSameSecondEditIsSeenThroughTheNewInode() throws Exception {
        Path file = write("a@x.org:{PLAIN}a\n", Instant.now());
        PasswdFileDirectory d = new PasswdFileDirectory(file, Duration.ZERO, new FakeClock());
        new PasswdFileEditor(file).setPassword("a@x.org", "{PLAIN}b");
        assertEquals("{PLAIN}b", d.credential("a@x.org").orElseThrow().storedPassword());
    }

    @Test
    void missingFileMeansNoUsers() throws Exception {
        PasswdFileDirectory d = new PasswdFileDirectory(dir.resolve("none"));
        assertEquals(List.of(), d.all());
        assertTrue(d.credential("a@x.org").isEmpty());
    }

    @Test
    void unreadableFileKeepsOldUsersButReportsUnavailable() throws Exception {
        Path file = write("a@x.org:{PLAIN}a\n", Instant.parse("2026-01-01T00:00:00Z"));
        PasswdFileDirectory d = new PasswdFileDirectory(file, Duration.ZERO, new FakeClock());
        Files.delete(file);
        Files.createDirectory(file);
        assertThrows(IOException.class, () -> d.credential("a@x.org"));
        assertTrue(d.find("a@x.org").isPresent());
        Files.delete(file);
        write("a@x.org:{PLAIN}a\n", Instant.now());
        assertTrue(d.credential("a@x.org").isPresent());
    }

    @Test
    void editorKeepsCommentsOtherLinesAndPermissions() throws Exception {
        Path file = write("# header\nb@x.org:{PLAIN}b:1:2::/home/b::quota=1G\nnot a user line\n\na@x.org:{PLAIN}a\n",
                Instant.now());
        boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        }
        PasswdFileEditor editor = new PasswdFileEditor(file);
        assertTrue(editor.add("C@x.org", "{PLAIN}c"));
        assertTrue(!editor.add("c@X.org", "{PLAIN}other"));
        assertTrue(editor.setPassword("b@x.org", "{PLAIN}new"));
        assertTrue(editor.remove("a@x.org"));
        assertTrue(!editor.remove("a@x.org"));
        assertTrue(!editor.setPassword("nobody@x.org", "{PLAIN}x"));
        assertEquals("# header\nb@x.org:{PLAIN}new:1:2::/home/b::quota=1G\nnot a user line\n\nc@x.org:{PLAIN}c\n",
                Files.readString(file));
        if (posix) {
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("users"), listing.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".lock")).toList());
        }
    }

    @Test
    void editorCreatesAPrivateFile() throws Exception {
        Path file = dir.resolve("sub/users");
        assertTrue(new PasswdFileEditor(file).add("a@x.org", "{PLAIN}a"));
        assertEquals("a@x.org:{PLAIN}a\n", Files.readString(file));
        Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}

package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tegami sendmail} run as mail programs run it, with a umask of 077 (s-nail, mutt): the
 * file it drops into {@code incoming/} must stay readable by the daemon, which runs as another
 * account. A child JVM, because a process's umask cannot be changed from Java.
 */
class SendmailUmaskIT {

    @TempDir
    Path root;

    @Test
    void fileDroppedUnderUmask077IsReadableByTheServerAccount() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh for umask");
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/tegami.conf"), "hostname = mx.test\nspool.dir = spool\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder("/bin/sh", "-c", "umask 077; exec \"$0\" \"$@\"", java,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--conf", root.resolve("conf").toString(), "sendmail", "bob@localhost")
                .redirectErrorStream(true).start();
        p.getOutputStream().write("Subject: from mailx\n\nhello\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "sendmail did not finish");
        assertEquals(0, p.exitValue(), output);

        List<Path> dropped;
        try (var s = Files.list(root.resolve("spool/incoming"))) {
            dropped = s.toList();
        }
        assertEquals(1, dropped.size(), dropped.toString());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dropped.get(0))));
    }
}

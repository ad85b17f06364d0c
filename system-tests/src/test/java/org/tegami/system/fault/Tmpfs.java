package org.tegami.system.fault;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, to make a disk fill up for real. Needs root (or
 * CAP_SYS_ADMIN) and mount(8), as on the build machines. Where mounting is not possible the
 * test fails and says so; {@code -Dtegami.fault.skip-tmpfs=true} skips the disk-full tests
 * deliberately instead.
 */
final class Tmpfs implements AutoCloseable {

    /** The system property that skips the tests needing a tmpfs, for machines without root. */
    static final String SKIP = "tegami.fault.skip-tmpfs";

    private final Path dir;
    private boolean mounted;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (mount's syntax: {@code 4m}) at {@code dir}, creating it. */
    static Tmpfs mount(Path dir, String size) throws IOException, InterruptedException {
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP), "disk-full tests skipped: -D" + SKIP + "=true");
        Files.createDirectories(dir);
        Tmpfs t = new Tmpfs(dir);
        Result r;
        try {
            r = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString());
        } catch (IOException e) {
            r = new Result(-1, e.getMessage());
        }
        if (r.code != 0) {
            fail("cannot mount a tmpfs at " + dir + " (mount exit " + r.code + ": " + r.output.strip() + "). "
                    + "The disk-full tests need root and mount(8); run them as root, or skip them on purpose with -D"
                    + SKIP + "=true");
        }
        t.mounted = true;
        return t;
    }

    Path dir() {
        return dir;
    }

    /** Bytes still free for new file data. */
    long free() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /**
     * Fills the file system with the file {@code name} until a write fails for lack of space.
     *
     * @return the filler; delete it to give the space back
     */
    Path fill(String name) throws IOException {
        Path filler = dir.resolve(name);
        byte[] block = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (free() > 0) {
                throw new IOException("filling " + dir + " stopped with space left: " + e, e);
            }
        }
        return filler;
    }

    /** Unmounts (lazily if something still holds a file open) and leaves the empty mount point. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!mounted) {
            return;
        }
        mounted = false;
        if (run("umount", dir.toString()).code != 0) {
            Result lazy = run("umount", "-l", dir.toString());
            if (lazy.code != 0) {
                throw new IOException("cannot unmount " + dir + ": " + lazy.output);
            }
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }
}

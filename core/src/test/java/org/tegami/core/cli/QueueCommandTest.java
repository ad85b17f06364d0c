package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.core.spool.DeliveryState;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.SpoolClaim;
import org.tegami.core.spool.SpoolTestSupport;

class QueueCommandTest {

    @TempDir
    Path root;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Instant later = Instant.now().plusSeconds(3600);
    String deferredId;
    String pendingId;

    @BeforeEach
    void fillQueue() throws Exception {
        Files.createDirectories(root.resolve("conf"));
        try (Spool spool = new Spool(root.resolve("spool"), Clock.systemUTC())) {
            deferredId = SpoolTestSupport.accept(spool, "d", "a@example.com", "x@remote.example", "y@localhost");
            pendingId = SpoolTestSupport.accept(spool, "p", "b@example.com", "z@localhost");
            SpoolClaim c = spool.claim(deferredId).orElseThrow();
            c.release(c.entry().withRecipient(0, r -> r.withState(DeliveryState.DEFERRED, 2, "451 4.4.1 no answer", later)));
        }
    }

    private int queue(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("--conf", root.resolve("conf").toString(), "queue"));
        argv.addAll(List.of(args));
        out.reset();
        return Main.run(argv, new CliContext(Path.of("conf"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out), new PrintStream(err)));
    }

    @Test
    void listShowsEachEntryAndRecipientState() {
        assertEquals(ExitCodes.OK, queue(), err.toString());
        String text = out.toString();
        assertTrue(text.contains(deferredId) && text.contains(pendingId), text);
        assertTrue(text.contains("<a@example.com>"), text);
        assertTrue(text.contains("deferred  <x@remote.example>  attempts=2 next=" + later + "  (451 4.4.1 no answer)"), text);
        assertTrue(text.contains("pending   <z@localhost>  attempts=0"), text);
        assertTrue(text.contains("-- 2 message(s)"), text);
    }

    @Test
    void listPointsAtDamagedEntriesSetAside() throws Exception {
        Files.writeString(root.resolve("spool/queue/0000000000BAD000"), "not an envelope");
        assertEquals(ExitCodes.OK, queue(), err.toString());
        String text = out.toString();
        assertTrue(text.contains(deferredId) && text.contains("-- 2 message(s)"), text);
        assertTrue(text.contains("-- 1 damaged entry set aside in " + root.resolve("spool/corrupt")
                + ", not delivered (the server log says why): 0000000000BAD000"), text);
        assertTrue(Files.exists(root.resolve("spool/corrupt/0000000000BAD000.env")));
    }

    @Test
    void flushMakesDeferredMailDueNow() throws Exception {
        assertEquals(ExitCodes.OK, queue("flush"), err.toString());
        assertTrue(out.toString().startsWith("1 deferred"), out.toString());
        try (Spool spool = new Spool(root.resolve("spool"), Clock.systemUTC())) {
            assertTrue(spool.peek(deferredId).orElseThrow().isDue(Instant.now()));
        }
    }

    @Test
    void deleteRemovesOneEntry() throws Exception {
        assertEquals(ExitCodes.OK, queue("delete", pendingId), err.toString());
        assertEquals(ExitCodes.DATA_ERROR, queue("delete", pendingId));
        assertFalse(Files.exists(root.resolve("spool/msg").resolve(pendingId)));
        assertEquals(ExitCodes.OK, queue("list"));
        assertFalse(out.toString().contains(pendingId));
        assertEquals(ExitCodes.USAGE, queue("delete"));
        assertEquals(ExitCodes.USAGE, queue("purge"));
    }
}

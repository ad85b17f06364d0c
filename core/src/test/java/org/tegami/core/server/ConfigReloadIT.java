package org.tegami.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tegami.testing.TestServer;

/** {@code Tegami.reload()} on a running server with an in-process protocol handler. */
class ConfigReloadIT {

    @Test
    void aChangedPluginSectionRestartsItsExtensionAndOthersAreRefreshed() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter())
                .config("greeter.greeting", "hi").start()) {
            int port = server.port("hello");
            assertEquals("220 hi", greet(port).get(0));
            int stoppedBefore = Greeter.STOPPED.get();
            int refreshedBefore = Greeter.REFRESHED.get();

            edit(server, "greeter.greeting", "howdy");
            ReloadOutcome outcome = server.tegami().reload();
            assertEquals(ReloadOutcome.Status.APPLIED, outcome.status(), outcome.message());
            assertEquals("plugins restarted: greeter", outcome.message());
            assertEquals(stoppedBefore + 1, Greeter.STOPPED.get(), "the old instance is stopped");
            assertEquals(port, server.port("hello"), "the listener was handed over, not closed");
            assertEquals("220 howdy", greet(port).get(0));

            ReloadOutcome unchanged = server.tegami().reload();
            assertEquals("no changes", unchanged.message());
            assertTrue(Greeter.REFRESHED.get() >= refreshedBefore + 1, "an unchanged extension is refreshed");
        }
    }

    @Test
    void aSessionOfTheOldInstanceGoesOnWhileTheNewOneServesNewConnections() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter())
                .config("greeter.greeting", "hi").config("shutdown.grace", "20s").start();
                Socket old = new Socket("127.0.0.1", server.port("hello"))) {
            assertEquals("220 hi", greeting(old).get(0));
            int stoppedBefore = Greeter.STOPPED.get();
            edit(server, "greeter.greeting", "howdy");
            CompletableFuture<ReloadOutcome> reload = CompletableFuture.supplyAsync(() -> server.tegami().reload());

            long deadline = System.nanoTime() + 10_000_000_000L;
            String answer = greet(server.port("hello")).get(0);
            while (!answer.equals("220 howdy") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                answer = greet(server.port("hello")).get(0);
            }
            assertEquals("220 howdy", answer, "new connections meet the new instance");
            assertFalse(reload.isDone(), "the reload waits for the old instance's session");
            assertEquals(stoppedBefore, Greeter.STOPPED.get(), "the old instance runs until its session ends");

            old.close();
            assertEquals(ReloadOutcome.Status.APPLIED, reload.get(10, TimeUnit.SECONDS).status());
            assertEquals(stoppedBefore + 1, Greeter.STOPPED.get());
        }
    }

    @Test
    void aReplacementThatFailsToStartLeavesTheOldInstanceServing() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter())
                .config("greeter.greeting", "hi").start()) {
            int port = server.port("hello");
            edit(server, "greeter.greeting", "broken-start");
            ReloadOutcome outcome = server.tegami().reload();
            assertEquals(ReloadOutcome.Status.FAILED, outcome.status(), outcome.message());
            assertTrue(outcome.message().contains("start broken on purpose"), outcome.message());
            assertEquals("220 hi", greet(port).get(0));
        }
    }

    @Test
    void domainsAndListenerAddressesChangeLive() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter()).start()) {
            int oldPort = server.port("hello");
            int newPort = freePort();
            edit(server, "domains", "localhost, example.org");
            edit(server, "hello.listen", "127.0.0.1:" + newPort);
            int startedBefore = Greeter.STARTED.get();

            ReloadOutcome outcome = server.tegami().reload();
            assertEquals(ReloadOutcome.Status.APPLIED, outcome.status(), outcome.message());
            assertTrue(outcome.message().contains("domains [localhost] -> [localhost, example.org]"), outcome.message());
            assertTrue(outcome.message().contains("hello 127.0.0.1:0 -> 127.0.0.1:" + newPort), outcome.message());
            assertEquals(startedBefore, Greeter.STARTED.get(), "a moved listener does not restart its handler");
            assertEquals(newPort, server.port("hello"));
            assertEquals(List.of("220 hello", "example.org,localhost"), greet(newPort));
            assertThrows(IOException.class, () -> greet(oldPort), "the old address is closed");
            assertEquals(List.of("localhost", "example.org"), server.tegami().config().domains());
        }
    }

    @Test
    void aBadConfigurationIsRefusedAndTheOldOneKeepsRunning() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter())
                .config("greeter.greeting", "hi").start()) {
            int port = server.port("hello");
            for (String[] bad : List.of(new String[] {"greeter.greeting", " "}, new String[] {"greeter.typo", "1"},
                    new String[] {"queue.workers", "none"}, new String[] {"hello.listen", "nowhere"})) {
                Path conf = server.confDir().resolve("tegami.conf");
                String good = Files.readString(conf);
                edit(server, "domains", "example.org");
                edit(server, bad[0], bad[1]);
                int startedBefore = Greeter.STARTED.get();
                ReloadOutcome outcome = server.tegami().reload();
                assertEquals(ReloadOutcome.Status.REFUSED, outcome.status(), bad[0] + ": " + outcome.message());
                assertTrue(outcome.message().contains("tegami.conf") || bad[0].equals("greeter.greeting"),
                        outcome.message());
                assertEquals(startedBefore, Greeter.STARTED.get(), "nothing was restarted");
                assertEquals(List.of("220 hi", "localhost"), greet(port), "still the old configuration");
                Files.writeString(conf, good);
            }
        }
    }

    @Test
    void aChangedCoreKeyThatNeedsARestartIsNamed() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter()).start()) {
            edit(server, "queue.workers", "3");
            edit(server, "shutdown.grace", "3s");
            ReloadOutcome outcome = server.tegami().reload();
            assertEquals(ReloadOutcome.Status.APPLIED, outcome.status(), outcome.message());
            assertEquals("shutdown.grace 10s -> 3s; at next restart: queue.workers", outcome.message());
        }
    }

    @Test
    void connectionLimitsApplyToNewConnections() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter()).start()) {
            int port = server.port("hello");
            edit(server, "net.max-connections-per-ip", "1");
            edit(server, "net.idle-timeout", "2m");
            ReloadOutcome outcome = server.tegami().reload();
            assertEquals("connections: at most 1000, 1 per address, idle timeout 120s for new ones", outcome.message());
            try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
                assertEquals(2, greeting(first).size());
                assertEquals(List.of(), greeting(second), "the second connection from one address is turned away");
            }
        }
    }

    @Test
    void aListenerThatCannotMoveStaysWhereItWasAndTheReloadSaysSo() throws Exception {
        try (TestServer server = TestServer.builder().withoutTls().extension("greeter", new Greeter()).start();
                ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = server.port("hello");
            edit(server, "hello.listen", "127.0.0.1:" + taken.getLocalPort());
            ReloadOutcome outcome = server.tegami().reload();
            assertEquals(ReloadOutcome.Status.FAILED, outcome.status(), outcome.message());
            assertTrue(outcome.message().contains("hello.listen"), outcome.message());
            assertEquals(port, server.port("hello"), "bound at its old address again");
            assertFalse(greet(port).isEmpty());
        }
    }

    /** Sets a key in the server's tegami.conf, replacing its line or appending one. */
    private static void edit(TestServer server, String key, String value) throws IOException {
        Path conf = server.confDir().resolve("tegami.conf");
        List<String> lines = new ArrayList<>(Files.readAllLines(conf));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + " =")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(conf, lines);
    }

    /** The greeting's two lines, or fewer if the server closes first. */
    private static List<String> greet(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return greeting(s);
        }
    }

    private static List<String> greeting(Socket s) throws IOException {
        s.setSoTimeout(5000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        String line;
        while (lines.size() < 2 && (line = in.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

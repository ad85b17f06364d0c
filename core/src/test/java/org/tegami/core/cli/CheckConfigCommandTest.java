package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ListenerSpec;
import org.tegami.core.config.ConfigCheck;

/** {@code tegami check-config} end to end through {@link Main#run}. */
class CheckConfigCommandTest {

    @TempDir
    Path root;
    private String out;

    private int checkConfig(Path conf) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = Main.run(List.of("check-config", "--conf", conf.toString()), new CliContext(Path.of("conf"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void reportsEveryProblemWithFileAndLine() throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Path tegamiConf = conf.resolve("tegami.conf");
        Files.writeString(tegamiConf, String.join("\n",
                "hostname = mx.example.org",
                "queue.workers = many",
                "this line is wrong",
                "smtp.listen = nowhere",
                "auth.lockuot = 5m",
                "hostname = again",
                "smtp.max-size = 50M",
                "colour = blue",
                ""));
        Path users = conf.resolve("users");
        Files.writeString(users, "a@example.org:{PLAIN}a\nb@example.org:{NOPE}x\n");
        assertEquals(ExitCodes.CONFIG, checkConfig(conf));
        assertEquals(String.join("\n",
                tegamiConf + ":2: queue.workers: not a whole number: \"many\"",
                tegamiConf + ":3: expected 'key = value', found \"this line is wrong\"",
                tegamiConf + ":4: smtp.listen: not host:port (missing port): \"nowhere\"",
                tegamiConf + ":5: auth.lockuot: unknown key",
                tegamiConf + ":6: hostname: set twice (first on line 1)",
                // no smtp plugin in this installation's plugins.dir, so nobody knows the key
                tegamiConf + ":7: smtp.max-size: unknown key",
                tegamiConf + ":8: colour: unknown key",
                users + ":2: b@example.org: unknown password scheme {NOPE}",
                "8 problems", ""), out);
    }

    @Test
    void reportsABadMetricsListenAndATypoInTheMetricsKeys() throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Path tegamiConf = conf.resolve("tegami.conf");
        Files.writeString(conf.resolve("users"), "");
        Files.writeString(tegamiConf, "metrics.listen = 127.0.0.1\nmetrics.lisen = 127.0.0.1:9465\n");
        assertEquals(ExitCodes.CONFIG, checkConfig(conf));
        assertEquals(String.join("\n",
                tegamiConf + ":1: metrics.listen: not host:port (missing port): \"127.0.0.1\"",
                tegamiConf + ":2: metrics.lisen: unknown key",
                "2 problems", ""), out);
    }

    @Test
    void missingUsersFileIsReported() throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        assertEquals(ExitCodes.CONFIG, checkConfig(conf));
        assertTrue(out.startsWith(conf.resolve("users").toAbsolutePath() + ": no such file"), out);
    }

    @Test
    void extensionsAndListenersCanBeAddedAndStrictModeFlagsTheRest() throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Files.writeString(conf.resolve("users"), "");
        Files.writeString(conf.resolve("tegami.conf"),
                "smtp.max-size = lots\nsmtp.banner = hi\nsieve.listen = x\nrouting.aliases = conf/aliases\n");
        ConfigCheck check = new ConfigCheck(conf);
        check.extension("smtp", s -> s.bytes("max-size", 0));
        check.listener(new ListenerSpec("sieve", "127.0.0.1:4190", false));
        List<String> relaxed = check.problems(false).stream().map(e -> e.reason()).toList();
        assertEquals(List.of("smtp.max-size: not a size (like 512k, 50M, 1G): \"lots\"", "smtp.banner: unknown key",
                "sieve.listen: not host:port (missing port): \"x\""), relaxed);
        assertEquals(4, check.problems(true).size());
        assertEquals("routing.aliases: unknown key", check.problems(true).get(3).reason());
    }
}

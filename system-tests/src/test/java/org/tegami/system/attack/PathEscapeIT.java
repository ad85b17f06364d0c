package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User and mailbox names that try to leave the mail root or reach another user's Maildir:
 * logins with such names fail like any wrong login and create nothing; as u1, IMAP CREATE,
 * RENAME, SELECT, EXAMINE, STATUS, APPEND, DELETE, SUBSCRIBE and LIST with them change nothing
 * outside u1's own Maildir, never show u2's message, and leave u2's Maildir as it was.
 */
class PathEscapeIT {

    /** {@code * LIST (flags) delimiter name}: the name may hold spaces (quoted). */
    private static final java.util.regex.Pattern LIST_LINE = java.util.regex.Pattern.compile(
            "\\* LIST \\([^)]*\\) (?:NIL|\"[^\"]*\") (.*)");

    private static AttackServer server;
    // name tricks must not lock the test out before it is done
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of("auth.max-failures", "1000",
            "auth.failure-delay", "1ms", "pop3.max-auth-failures", "1000", "imap.max-bad-commands", "1000",
            "smtp.max-bad-commands", "1000"), started -> server = started);
    private static Path dir;
    private static Path outside;

    @BeforeAll
    static void sendU2AMessage() throws Exception {
        dir = SERVER.dir();
        outside = dir.resolve("outside");
        try (Wire w = Smtp.session(server, "smtp", "127.0.0.91")) {
            assertTrue(w.line("MAIL FROM:<a@a.example>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<u2@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("DATA").smtp().startsWith("354 "));
            assertTrue(w.send(Smtp.message("for u2 only")).smtp().startsWith("250 "));
        }
        assertEquals(1, server.awaitInbox("u2", 1, Duration.ofSeconds(15)).size());
    }

    static List<String> userNames() {
        List<String> names = new ArrayList<>(List.of("../u1@localhost", "../../conf/users", "u1@localhost/../u2",
                "u1@../localhost", "../localhost/u1", "/etc/passwd", outside.toString(), "%2e%2e/u1@localhost",
                "u1@%2e%2e", "..", ".", "~", "~root", "*", "%", "u1@localhost/..", "u1@localhost\\..\\u2",
                ".u1@localhost", "u1@.localhost"));
        names.add("u".repeat(900) + "@localhost");
        return names;
    }

    @Test
    void loginsWithPathNamesFailAndCreateNothing() throws Exception {
        Map<String, String> before = withoutLog(FileTree.of(dir));
        for (String name : userNames()) {
            for (String protocol : List.of("submission", "pop3", "imap")) {
                String reply = Logins.attempt(server, protocol, "127.0.0.92", name, "pass1");
                assertFalse(Logins.succeeded(protocol, reply), protocol + " login as " + name + ": " + reply);
            }
        }
        try (Wire w = Wire.open(server.port("pop3"), "127.0.0.92")) {
            assertTrue(w.readLine().startsWith("+OK"));
            assertTrue(w.line("USER u1@localhost\0/../u2").readLine().startsWith("-ERR")
                    || !w.line("PASS pass1").readLine().startsWith("+OK"), "a NUL in USER");
        }
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.92")) {
            assertTrue(w.readLine().startsWith("* OK"));
            assertFalse(w.line("a LOGIN {17+}\r\nu1@localhost\0/../ pass1").imap("a").startsWith("a OK"), "a NUL in LOGIN");
        }
        assertEquals(before, withoutLog(FileTree.of(dir)), "files changed by failed logins");
    }

    static List<String> mailboxNames() {
        List<String> names = new ArrayList<>(List.of("../u2", "../../localhost/u2", "..", ".", "../", "/", "/u2",
                "//u2", outside.resolve("evil").toString(), "~", "~/x", "~u2", "a/../../u2", "INBOX/../../u2",
                "INBOX/..", "%2e%2e", "%2e%2e/u2", "&AC4ALg-", "&AC4ALgAv-u2", "a.b", ".hidden", "..u2", "*", "%",
                "a*", "a%", "\\..\\u2", "INBOX..", "#user/u2", "#shared/u2", "~u2/INBOX", "Other Users/u2",
                "u2@localhost/INBOX"));
        names.add("x".repeat(3000));
        return names;
    }

    @Test
    void mailboxNamesStayInsideTheUsersMaildir() throws Exception {
        Path u1 = server.maildir("u1");
        Path u2 = server.maildir("u2");
        Map<String, String> u2Before = FileTree.of(u2);
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.93")) {
            assertTrue(w.readLine().startsWith("* OK"));
            assertTrue(w.line("a LOGIN u1@localhost pass1").imap("a").startsWith("a OK"));
            Map<String, String> before = withoutLog(FileTree.of(dir));
            int n = 0;
            for (String name : mailboxNames()) {
                String q = quoted(name);
                n++;
                send(w, "c" + n + " CREATE " + q);
                send(w, "s" + n + " SUBSCRIBE " + q);
                for (String cmd : List.of("SELECT", "EXAMINE")) {
                    send(w, "x" + n + " " + cmd + " " + q);
                    assertTrue(w.untagged().stream().noneMatch(l -> l.matches("\\* [1-9]\\d* EXISTS")),
                            cmd + " " + name + " shows messages: " + w.untagged());
                }
                send(w, "u" + n + " UNSELECT");
                String status = send(w, "t" + n + " STATUS " + q + " (MESSAGES)");
                assertTrue(w.untagged().stream().noneMatch(l -> l.matches("\\* STATUS .*MESSAGES [1-9].*")),
                        "STATUS " + name + ": " + status + " " + w.untagged());
                send(w, "p" + n + " APPEND " + q + " {20+}\r\nSubject: appended\r\n\r\n");
                send(w, "l" + n + " CREATE legit");
                send(w, "r" + n + " RENAME legit " + q);
                send(w, "d" + n + " DELETE " + q);
                send(w, "e" + n + " DELETE legit");
            }
            send(w, "n1 CREATE {7+}\r\na\0/../b");
            send(w, "n2 SELECT {5+}\r\n..\0u2");
            List<String> listed = new ArrayList<>();
            for (String[] pattern : new String[][] {{"\"\"", "\"*\""}, {"\"\"", "\"../*\""}, {"\"../\"", "\"*\""},
                {"\"/\"", "\"*\""}, {"\"~\"", "\"*\""}, {"\"\"", "\"/*\""}, {"\"\"", "\"%/%/%/%\""}, {"\"../../\"", "\"%\""},
                {"\"\"", "\"~*\""}, {quoted(dir.toString()), "\"*\""}, {"\"\"", "\"..*\""}, {"\"INBOX/../\"", "\"*\""}}) {
                send(w, "L LIST " + pattern[0] + " " + pattern[1]);
                w.untagged().stream().filter(l -> l.startsWith("* LIST")).forEach(listed::add);
                send(w, "M LSUB " + pattern[0] + " " + pattern[1]);
            }
            Set<String> folders = folderNames(u1);
            for (String line : listed) {
                java.util.regex.Matcher m = LIST_LINE.matcher(line);
                assertTrue(m.matches(), line);
                String name = m.group(1).replace("\"", "");
                assertTrue(folders.contains(name), "LIST named " + name + ", not one of u1's folders " + folders);
            }
            assertTrue(w.line("z LOGOUT").imap("z") != null);
            Map<String, String> changed = new TreeMap<>(withoutLog(FileTree.of(dir)));
            changed.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
            String u1Prefix = dir.relativize(u1).toString() + "/";
            changed.keySet().forEach(p -> assertTrue(p.startsWith(u1Prefix), "changed outside u1's Maildir: " + p));
            for (String p : before.keySet()) {
                assertTrue(Files.exists(dir.resolve(p)) || p.startsWith(u1Prefix), "removed outside u1's Maildir: " + p);
            }
        }
        assertFalse(Files.exists(outside), "a folder outside the mail root");
        assertEquals(u2Before, FileTree.of(u2), "u2's Maildir changed");
        assertEquals(List.of(), server.inbox("u1").stream().map(Path::toString).toList(), "nothing appended to u1's INBOX");
        server.assertServes("127.0.0.94");
    }

    /** Sends a command and reads to its completion, which must be an ordinary answer. */
    private static String send(Wire w, String command) throws Exception {
        String tag = command.substring(0, command.indexOf(' '));
        String done = w.line(command).imap(tag);
        assertTrue(done != null && done.matches(tag + " (OK|NO|BAD) .*"), command + " -> " + done);
        return done;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** INBOX and the folder names of the Maildir++ folders in a user's Maildir, as LIST shows them. */
    private static Set<String> folderNames(Path maildir) throws Exception {
        Set<String> names = new HashSet<>(Set.of("INBOX"));
        try (Stream<Path> s = Files.list(maildir)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && n.length() > 1)
                    .forEach(n -> names.add(n.substring(1).replace('.', '/')));
        }
        return names;
    }

    private static Map<String, String> withoutLog(Map<String, String> tree) {
        Map<String, String> copy = new TreeMap<>(tree);
        copy.keySet().removeIf(p -> p.equals("server.log") || p.startsWith("spool/") && !p.startsWith("spool/mail"));
        return copy;
    }
}

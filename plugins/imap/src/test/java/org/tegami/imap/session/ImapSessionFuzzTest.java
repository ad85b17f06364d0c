package org.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.tegami.imap.ImapConfig;
import org.tegami.imap.process.ProcessorTable;
import org.tegami.imap.testing.FakeConnection;
import org.tegami.imap.testing.FakeServerContext;
import org.tegami.testing.InMemoryMailStore;

/**
 * Fuzzing of the IMAP command processors, behind the decoding that {@code ImapDecodeFuzzTest}
 * covers: a session logged in with its INBOX selected (three messages, one of them multipart)
 * runs whatever commands follow, to the end of the input. No command may end in an internal
 * error ({@code [SERVERBUG]}: an exception the processor did not expect), and no reply may
 * carry a Java class name. Seeds in {@code ImapSessionFuzzTestInputs/commandsAfterLogin/};
 * fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class ImapSessionFuzzTest {

    private static final byte[] LOGIN_AND_SELECT =
            "a LOGIN alice@localhost secret\r\nb SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern STATUS = Pattern.compile("\\S+ (OK|NO|BAD|BYE) (.*)");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|org\\.tegami)\\.[a-z]+\\.");
    private static final ProcessorTable PROCESSORS = new ProcessorTable();

    @AfterAll
    static void closeProcessors() {
        PROCESSORS.close();
    }

    @Timeout(10)
    @FuzzTest
    void commandsAfterLogin(byte[] commands) throws IOException {
        InMemoryMailStore store = new InMemoryMailStore();
        store.deliver("alice@localhost", "INBOX", "From: Bob <bob@example.org>\r\nSubject: hello\r\n\r\nworld\r\n");
        store.deliver("alice@localhost", "INBOX", """
                From: alice@localhost\r
                Subject: =?UTF-8?B?w6R0c2No?=\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                caf=C3=A9\r
                --b\r
                Content-Type: message/rfc822\r
                \r
                Subject: inner\r
                \r
                inner body\r
                --b--\r
                """);
        store.deliver("alice@localhost", "INBOX", "Subject: third\r\n\r\n" + "line\r\n".repeat(50));
        FakeServerContext context = new FakeServerContext(store).user("alice@localhost", "secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FakeConnection connection = new FakeConnection("fuzz", new SequenceInputStream(
                new ByteArrayInputStream(LOGIN_AND_SELECT), new ByteArrayInputStream(commands)), out, true);
        try {
            new ImapSession(connection, context, ImapConfig.defaults(), PROCESSORS).run();
        } catch (IOException e) {
            // documented: the end of input, within a command or between two
        }
        String replies = out.toString(StandardCharsets.ISO_8859_1);
        // Status lines only: message text (an APPEND fetched back) may hold anything.
        // The tag is the client's and may itself read "[SERVERBUG]": look behind it.
        replies.lines().map(STATUS::matcher).filter(Matcher::lookingAt).map(m -> m.group(2)).forEach(text -> {
            assertFalse(text.startsWith("[SERVERBUG]"), "a processor failed:\n" + replies);
            assertFalse(JAVA_NAME.matcher(text).find(), "a Java name in a reply:\n" + replies);
        });
    }
}

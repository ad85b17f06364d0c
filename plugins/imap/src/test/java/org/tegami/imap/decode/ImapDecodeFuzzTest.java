package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the IMAP command reader and request parser: client transcripts (with literals)
 * may only end in a BAD ({@link BadCommandException}) or an I/O error at EOF. The seeded
 * mutation test runs a fixed batch; the {@code @FuzzTest} replays its seeds in
 * {@code ImapDecodeFuzzTestInputs/transcript/} in a normal build and is fuzzed with coverage
 * guidance by {@code bench/fuzz.sh}.
 */
class ImapDecodeFuzzTest {

    private static final CommandReader.Limits LIMITS = new CommandReader.Limits(2000, 10_000, 20_000);

    @Test
    void mutatedTranscriptsFailOnlyWithBadOrEof() {
        List<byte[]> inputs = Mutator.ofText(601,
                "a1 CAPABILITY\r\na2 LOGIN alice \"se\\\"cret\"\r\na3 SELECT INBOX\r\n"
                        + "a4 FETCH 1:*,3 (FLAGS BODY.PEEK[HEADER.FIELDS (From Subject)]<0.100> UID)\r\n"
                        + "a5 UID STORE 2:4 +FLAGS.SILENT (\\Seen \\Deleted)\r\na6 LOGOUT\r\n",
                "b1 APPEND \"Entw&APw-rfe\" (\\Seen) \"01-Jan-2024 10:00:00 +0000\" {12}\r\nSubject: x\r\n\r\n"
                        + "b2 LIST \"\" \"*\"\r\nb3 SEARCH CHARSET UTF-8 OR FROM {3+}\r\nbob SINCE 1-Feb-2020 NOT (SEEN)\r\n",
                "c1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\r\nc2 UID COPY 1:5 Archive\r\nc3 IDLE\r\nDONE\r\n"
                        + "c4 ID (\"name\" \"client\" \"version\" NIL)\r\nc5 ENABLE UTF8=ACCEPT\r\nc6 STATUS INBOX (MESSAGES UIDNEXT)\r\n"
                        + "c7 EXAMINE ~{4}\r\nx/yz UID EXPUNGE 4\r\n")
                .mutate(3000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), ImapDecodeFuzzTest::replay, IOException.class);
    }

    private static void replay(byte[] transcript) throws IOException {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(transcript), LIMITS);
        RequestParser parser = new RequestParser();
        while (true) {
            CommandLine line;
            try {
                line = reader.read(() -> { });
            } catch (BadCommandException e) {
                checkTag(e.tag());
                if (e.fatal()) {
                    return;
                }
                continue;
            }
            assertTrue(line.bytes().length <= LIMITS.maxCommand() + LIMITS.maxLine() + 3, "command size limit");
            try {
                Request request = parser.parse(line);
                assertNotNull(request.tag());
                checkTag(request.tag());
                assertTrue(request.verb().matches("[A-Z]+"), "verb " + request.verb());
                if (request instanceof Request.Login login) {
                    assertEquals("Login[tag=" + login.tag() + ", user=" + login.user() + "]", request.toString(),
                            "the log form holds no password");
                }
            } catch (BadCommandException e) {
                // documented: answered with BAD, the session goes on
                checkTag(e.tag());
            } finally {
                line.discard();
            }
        }
    }

    /** A tag is echoed in the reply: it must never carry a space, CR, LF or other non-tag byte. */
    private static void checkTag(String tag) {
        if (tag != null) {
            assertTrue(!tag.isEmpty() && tag.chars().allMatch(CharClass::isTagChar), "tag " + tag);
        }
    }

    /** A client transcript with synchronising and non-synchronising literals. */
    @Timeout(10)
    @FuzzTest
    void transcript(byte[] data) throws IOException {
        try {
            replay(data);
        } catch (IOException e) {
            // documented: the end of input, within a command or between two
        }
    }
}

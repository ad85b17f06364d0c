package org.tegami.imap.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/**
 * Mutation fuzzing of the IMAP command reader and request parser: mutated client transcripts
 * (with literals) may only end in a BAD ({@link BadCommandException}) or an I/O error at EOF.
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
                if (e.fatal()) {
                    return;
                }
                continue;
            }
            try {
                parser.parse(line);
            } catch (BadCommandException e) {
                // documented: answered with BAD, the session goes on
            } finally {
                line.discard();
            }
        }
    }
}

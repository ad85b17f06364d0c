package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SendmailArgumentsTest {

    private static SendmailArguments parse(String... args) throws Exception {
        return SendmailArguments.parse(List.of(args));
    }

    @Test
    void cronsCommandLineIsFollowed() throws Exception {
        // what cronie passes: full name attached, -i, the body type and error mode to ignore
        SendmailArguments a = parse("-FCronDaemon", "-i", "-B8BITMIME", "-oem", "root");
        assertEquals("CronDaemon", a.fullName());
        assertTrue(a.ignoreDots());
        assertNull(a.sender());
        assertEquals(List.of("root"), a.recipients());
    }

    @Test
    void phpAndGitSendEmailAndMailxCommandLines() throws Exception {
        SendmailArguments php = parse("-t", "-i");
        assertTrue(php.fromHeaders());
        assertEquals(List.of(), php.recipients());

        SendmailArguments git = parse("-i", "-f", "dev@example.org", "a@example.org", "b@example.org");
        assertEquals("dev@example.org", git.sender());
        assertEquals(List.of("a@example.org", "b@example.org"), git.recipients());

        SendmailArguments mailx = parse("-oi", "-r", "me@example.org", "--", "-odd@example.org");
        assertEquals("me@example.org", mailx.sender());
        assertEquals(List.of("-odd@example.org"), mailx.recipients());
    }

    @Test
    void valuesMayBeAttachedOrSeparateAndTuningOptionsAreIgnored() throws Exception {
        SendmailArguments a = parse("-B", "7BIT", "-N", "never", "-R", "hdrs", "-V", "id1", "-odi", "-v", "-bm",
                "-F", "Ann Example", "ann@example.org");
        assertEquals("Ann Example", a.fullName());
        assertFalse(a.fromHeaders());
        assertEquals(List.of("ann@example.org"), a.recipients());
    }

    @Test
    void optionsAfterTheFirstRecipientAreRecipients() throws Exception {
        assertEquals(List.of("a@example.org", "-t"), parse("a@example.org", "-t").recipients());
    }

    @Test
    void otherModesAndUnknownOptionsAreRefusedWithAReason() {
        assertTrue(assertThrows(SendmailArguments.UsageException.class, () -> parse("-bp")).getMessage()
                .contains("tegami queue"));
        assertTrue(assertThrows(SendmailArguments.UsageException.class, () -> parse("-q")).getMessage()
                .contains("not supported"));
        assertEquals("unknown option -Z", assertThrows(SendmailArguments.UsageException.class,
                () -> parse("-Z")).getMessage());
        assertEquals("-f needs a value", assertThrows(SendmailArguments.UsageException.class,
                () -> parse("-f")).getMessage());
    }
}

package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SubjectTerm;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.SortTerm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SORT (RFC 5256) through Angus Mail's {@code IMAPFolder.getSortedMessages}, over STARTTLS. */
class SortIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Store connect(String user) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(server.port("imap")));
        props.put("mail.imap.ssl.trust", "*");
        props.put("mail.imap.starttls.enable", "true");
        props.put("mail.imap.starttls.required", "true");
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(user, "secret");
        return store;
    }

    private static MimeMessage message(Session session, String from, String subject, String sent, int bodyLength,
            boolean seen) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("t3@localhost"));
        m.setSubject(subject);
        m.setSentDate(Date.from(Instant.parse(sent)));
        m.setText("x".repeat(bodyLength));
        m.setFlag(Flags.Flag.SEEN, seen);
        m.saveChanges();
        return m;
    }

    private static List<Integer> numbers(Message[] messages) {
        return Arrays.stream(messages).map(Message::getMessageNumber).toList();
    }

    @Test
    void getSortedMessagesReturnsTheServersOrder() throws Exception {
        try (Store store = connect("t3@localhost")) {
            assertTrue(((IMAPStore) store).hasCapability("SORT"));
            assertTrue(((IMAPStore) store).hasCapability("SORT=DISPLAY"));
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Session session = Session.getInstance(new Properties());
            inbox.appendMessages(new Message[] {
                message(session, "Zoe <zoe@localhost>", "Re: budget", "2026-03-02T10:00:00Z", 100, false),
                message(session, "Yann <adam@localhost>", "[team] agenda", "2026-03-01T10:00:00Z", 400, false),
                message(session, "Mia <mia@localhost>", "Fwd: Budget", "2026-03-03T10:00:00Z", 800, false),
                message(session, "bea@localhost", "zzz", "2026-02-28T10:00:00Z", 1, true)});
            assertEquals(4, inbox.getMessageCount());

            assertEquals(List.of(2, 1, 3, 4), numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.SUBJECT})));
            assertEquals(List.of(3, 1, 2, 4),
                    numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.REVERSE, SortTerm.DATE})));
            assertEquals(List.of(2, 4, 3, 1), numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.FROM})));
            assertEquals(List.of(4, 1, 2, 3), numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.SIZE})));
            // equal base subjects (budget) fall to the next key, reversed on its own
            assertEquals(List.of(2, 3, 1, 4), numbers(inbox.getSortedMessages(
                    new SortTerm[] {SortTerm.SUBJECT, SortTerm.REVERSE, SortTerm.SIZE})));

            assertEquals(List.of(2, 3, 1), numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.FROM},
                    new FlagTerm(new Flags(Flags.Flag.SEEN), false))));
            assertEquals(List.of(3, 1), numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.REVERSE, SortTerm.DATE},
                    new SubjectTerm("budget"))));

            // RFC 5957: the display name (Yann, not adam) or the address when there is none
            Response[] replies = (Response[]) inbox.doCommand(p -> p.command("UID SORT (DISPLAYFROM) UTF-8 ALL", null));
            long[] uids = new long[4];
            for (int i = 0; i < 4; i++) {
                uids[i] = inbox.getUID(inbox.getMessage(i + 1));
            }
            assertEquals("* SORT " + uids[3] + " " + uids[2] + " " + uids[1] + " " + uids[0], replies[0].toString());
            assertTrue(replies[replies.length - 1].isOK(), replies[replies.length - 1].toString());
            inbox.close(false);
        }
    }
}

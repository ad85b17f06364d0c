package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * THREAD (RFC 5256) through Angus Mail, which has no THREAD API: messages appended by the
 * client, the command sent raw with {@code IMAPFolder.doCommand}, and the nested reply read back
 * into parent links.
 */
class ThreadIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static MimeMessage message(Session session, String id, String inReplyTo, String subject, String sent)
            throws Exception {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress("carol@localhost"));
        m.setSubject(subject);
        m.setSentDate(Date.from(Instant.parse(sent)));
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
        }
        m.setText("body");
        m.saveChanges();
        return m;
    }

    @Test
    void threadReplyNestsRepliesUnderTheirParents() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(server.port("imap")));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect("t1@localhost", "secret");
            assertTrue(((IMAPStore) store).hasCapability("THREAD=REFERENCES"));
            assertTrue(((IMAPStore) store).hasCapability("THREAD=ORDEREDSUBJECT"));
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Session session = Session.getInstance(new Properties());
            inbox.appendMessages(new Message[] {
                message(session, "<root@x>", null, "release", "2026-03-01T10:00:00Z"),
                message(session, "<r1@x>", "<root@x>", "Re: release", "2026-03-01T11:00:00Z"),
                message(session, "<r2@x>", "<r1@x>", "Re: release", "2026-03-01T12:00:00Z"),
                message(session, "<r3@x>", "<root@x>", "Re: release", "2026-03-01T13:00:00Z"),
                message(session, "<other@x>", null, "other", "2026-02-01T10:00:00Z")});

            Response[] replies = (Response[]) inbox.doCommand(p -> p.command("THREAD REFERENCES UTF-8 ALL", null));
            assertEquals("* THREAD (5)(1 (2 3)(4))", replies[0].toString());
            assertTrue(replies[replies.length - 1].isOK(), replies[replies.length - 1].toString());
            Map<Long, Long> parents = parents(replies[0].toString().substring("* THREAD ".length()));
            assertEquals(Map.of(2L, 1L, 3L, 2L, 4L, 1L), parents);

            replies = (Response[]) inbox.doCommand(p -> p.command("UID THREAD ORDEREDSUBJECT UTF-8 ALL", null));
            long[] uids = new long[5];
            for (int i = 0; i < 5; i++) {
                uids[i] = inbox.getUID(inbox.getMessage(i + 1));
            }
            Map<Long, Long> subjectParents = parents(replies[0].toString().substring("* THREAD ".length()));
            assertEquals(Map.of(uids[1], uids[0], uids[2], uids[0], uids[3], uids[0]), subjectParents);
            inbox.close(false);
        }
    }

    /** Reads thread-lists (RFC 5256 4) into child-to-parent links. */
    private static Map<Long, Long> parents(String threads) {
        Map<Long, Long> parents = new HashMap<>();
        int[] pos = {0};
        while (pos[0] < threads.length()) {
            list(threads, pos, null, parents);
        }
        return parents;
    }

    /** One "(" ... ")" whose first member is a child of {@code parent}; each later member a child of the one before. */
    private static void list(String s, int[] pos, Long parent, Map<Long, Long> parents) {
        assertEquals('(', s.charAt(pos[0]++));
        Long last = parent;
        while (s.charAt(pos[0]) != ')') {
            char c = s.charAt(pos[0]);
            if (c == ' ') {
                pos[0]++;
            } else if (c == '(') {
                list(s, pos, last, parents);
            } else {
                int end = pos[0];
                while (Character.isDigit(s.charAt(end))) {
                    end++;
                }
                long n = Long.parseLong(s.substring(pos[0], end));
                if (last != null) {
                    parents.put(n, last);
                }
                last = n;
                pos[0] = end;
            }
        }
        pos[0]++;
    }
}

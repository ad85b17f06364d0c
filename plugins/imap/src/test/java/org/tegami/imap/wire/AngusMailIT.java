package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.SubjectTerm;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Angus Mail's IMAP provider as a real client: over STARTTLS (required) and over IMAPS. */
class AngusMailIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Store connect(String protocol, int port, String user) throws Exception {
        Properties props = new Properties();
        props.put("mail." + protocol + ".host", "127.0.0.1");
        props.put("mail." + protocol + ".port", String.valueOf(port));
        props.put("mail." + protocol + ".ssl.trust", "*");
        props.put("mail." + protocol + ".connectiontimeout", "5000");
        props.put("mail." + protocol + ".timeout", "10000");
        if (protocol.equals("imap")) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        props.put("mail.debug", System.getProperty("imap.it.debug", "false"));
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(user, "secret");
        return store;
    }

    @Test
    void worksOverStartTls() throws Exception {
        exercise(connect("imap", server.port("imap"), "t1@localhost"));
    }

    @Test
    void worksOverImaps() throws Exception {
        exercise(connect("imaps", server.port("imaps"), "t2@localhost"));
    }

    private static void exercise(Store store) throws Exception {
        try (store) {
            assertTrue(((IMAPStore) store).hasCapability("UIDPLUS"));
            assertTrue(((IMAPStore) store).hasCapability("MOVE"));
            Folder[] all = store.getDefaultFolder().list("*");
            assertTrue(Arrays.stream(all).anyMatch(f -> f.getFullName().equals("Sent")), Arrays.toString(all));
            assertEquals('/', store.getDefaultFolder().getSeparator());
            Folder projects = store.getFolder("Projekte/Größe");
            assertTrue(projects.create(Folder.HOLDS_MESSAGES));
            assertTrue(Arrays.stream(store.getDefaultFolder().list("Projekte/*"))
                    .anyMatch(f -> f.getFullName().equals("Projekte/Größe")));

            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Session session = Session.getInstance(new Properties());
            AppendUID[] uids = inbox.appendUIDMessages(new Message[] {message(session, "Quarterly numbers", "see attachment"),
                    message(session, "Lunch", "at noon")});
            assertEquals(inbox.getUIDValidity(), uids[0].uidvalidity);
            assertEquals(uids[0].uid + 1, uids[1].uid);
            assertEquals(2, inbox.getMessageCount());

            Message[] found = inbox.search(new SubjectTerm("quarterly"));
            assertEquals(1, found.length);
            Message m = found[0];
            assertEquals("Quarterly numbers", m.getSubject());
            MimeMultipart content = (MimeMultipart) m.getContent();
            assertEquals(2, content.getCount());
            assertEquals("see attachment", ((String) content.getBodyPart(0).getContent()).strip());
            assertArrayEquals(new byte[] {1, 2, 3, 4}, content.getBodyPart(1).getInputStream().readAllBytes());
            assertEquals("numbers.bin", content.getBodyPart(1).getFileName());
            assertTrue(m.isSet(Flags.Flag.SEEN));

            inbox.moveMessages(new Message[] {m}, projects);
            assertTrue(m.isExpunged());
            projects.open(Folder.READ_ONLY);
            assertEquals(1, projects.getMessageCount());
            assertEquals("Quarterly numbers", projects.getMessage(1).getSubject());
            projects.close(false);

            Object namespace = inbox.doCommand(p -> p.command("NAMESPACE", null));
            assertTrue(Arrays.stream((org.eclipse.angus.mail.iap.Response[]) namespace)
                    .anyMatch(r -> r.toString().contains("NAMESPACE ((\"\" \"/\")) NIL NIL")));
            inbox.close(true);
            assertEquals(1, inbox.getMessageCount(), "STATUS of the closed INBOX");
        }
    }

    private static MimeMessage message(Session session, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("carol@localhost", "Carol"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("t1@localhost"));
        message.setSubject(subject);
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {1, 2, 3, 4}, "application/octet-stream");
        attachment.setFileName("numbers.bin");
        message.setContent(new MimeMultipart(body, attachment));
        message.saveChanges();
        return message;
    }
}

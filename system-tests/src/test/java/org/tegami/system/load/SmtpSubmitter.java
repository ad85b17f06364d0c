package org.tegami.system.load;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client thread that submits messages over SMTP (Angus Mail) until stopped, on one
 * connection while it lasts, to its preferred port and, when that refuses, to the other one
 * (as a sender falls back to the next MX). Each message has a unique Subject and three of
 * the users u1..u10@localhost as recipients. It records which messages got their 250 after
 * DATA ({@link #accepted}) and which ended in an error after their DATA may have reached the
 * server ({@link #uncertain}: delivered once or not at all, never twice).
 */
final class SmtpSubmitter implements Runnable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final int[] ports;
    private final AtomicBoolean stop;
    private final Map<String, List<String>> accepted = new ConcurrentHashMap<>();
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();

    /** @param ports the preferred port first, then the fallback */
    SmtpSubmitter(AtomicBoolean stop, int... ports) {
        this.stop = stop;
        this.ports = ports.clone();
    }

    /** Subject to recipients of every message answered 250. */
    Map<String, List<String>> accepted() {
        return accepted;
    }

    Set<String> uncertain() {
        return uncertain;
    }

    @Override
    public void run() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "15000");
        Session session = Session.getInstance(props);
        Transport transport = null;
        while (!stop.get()) {
            try {
                if (transport == null || !transport.isConnected()) {
                    transport = connect(session);
                    if (transport == null) {
                        Thread.sleep(100);
                        continue;
                    }
                }
                send(session, transport);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MessagingException | RuntimeException e) {
                closeQuietly(transport);
                transport = null;
            }
        }
        closeQuietly(transport);
    }

    private void send(Session session, Transport transport) throws MessagingException {
        int n = NEXT.incrementAndGet();
        String subject = "load " + n;
        List<String> to = List.of("u" + (n % 10 + 1) + "@localhost", "u" + ((n + 3) % 10 + 1) + "@localhost",
                "u" + ((n + 6) % 10 + 1) + "@localhost");
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("load@example.org"));
        for (String rcpt : to) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(rcpt));
        }
        message.setSubject(subject);
        message.setText("message " + n + " of the shared spool load test\n");
        uncertain.add(subject);
        transport.sendMessage(message, message.getAllRecipients());
        uncertain.remove(subject);
        accepted.put(subject, to);
    }

    /** A connected transport to the first port that answers, or null when none does now. */
    private Transport connect(Session session) {
        for (int port : ports) {
            try {
                Transport t = session.getTransport("smtp");
                t.connect("127.0.0.1", port, null, null);
                return t;
            } catch (MessagingException e) {
                // refused or timed out: try the next port
            }
        }
        return null;
    }

    private static void closeQuietly(Transport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the server is gone; nothing to tell it
            }
        }
    }
}

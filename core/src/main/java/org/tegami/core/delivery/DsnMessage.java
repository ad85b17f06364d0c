package org.tegami.core.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.api.Reply;
import org.tegami.core.spool.QueueEntry;
import org.tegami.core.spool.ReplyText;

/**
 * A non-delivery report (RFC 3464 multipart/report, RFC 6522): a text part for people, a
 * message/delivery-status part with one block per failed recipient quoting the reply that
 * decided it, and the returned message: its header (RET=HDRS, as text/rfc822-headers) or all
 * of it (otherwise, as message/rfc822).
 */
final class DsnMessage {

    /**
     * One failed recipient.
     *
     * @param recipient the envelope recipient as accepted (for ORCPT)
     * @param finalAddress the address that failed (after rewrites)
     * @param reply the deciding reply, like {@code 550 5.1.1 no such user}
     */
    record Failure(Recipient recipient, MailAddress finalAddress, String reply) {
    }

    static final DateTimeFormatter RFC5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private DsnMessage() {
    }

    /** The report as a stream, with CRLF line ends, ready for {@code Intake.accept}. */
    static InputStream build(String bounceId, QueueEntry original, List<Failure> failures, String hostname,
            Path messageFile, Instant now) throws IOException {
        String boundary = bounceId + "/" + hostname;
        boolean headersOnly = "HDRS".equalsIgnoreCase(original.parameters().get("RET"));
        StringBuilder b = new StringBuilder(2048);
        b.append("From: Mail Delivery System <MAILER-DAEMON@").append(hostname).append(">\r\n");
        b.append("To: ").append(original.sender().bracketed()).append("\r\n");
        b.append("Subject: Undelivered Mail Returned to Sender\r\n");
        b.append("Date: ").append(RFC5322.format(now)).append("\r\n");
        b.append("Message-ID: <").append(bounceId).append('@').append(hostname).append(">\r\n");
        b.append("Auto-Submitted: auto-replied\r\n"); // RFC 3834 5
        b.append("MIME-Version: 1.0\r\n");
        b.append("Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n\r\n");
        b.append("This is a MIME-encapsulated message.\r\n\r\n");
        b.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        b.append("This is the mail system at host ").append(hostname).append(".\r\n\r\n");
        b.append("I'm sorry to have to inform you that your message could not\r\n");
        b.append("be delivered to one or more recipients.\r\n\r\n");
        for (Failure f : failures) {
            b.append(f.finalAddress().bracketed()).append(": ").append(f.reply()).append("\r\n");
        }
        b.append("\r\n--").append(boundary).append("\r\nContent-Type: message/delivery-status\r\n\r\n");
        b.append("Reporting-MTA: dns; ").append(hostname).append("\r\n");
        String envid = original.parameters().get("ENVID");
        if (envid != null) {
            b.append("Original-Envelope-Id: ").append(envid).append("\r\n");
        }
        b.append("Arrival-Date: ").append(RFC5322.format(original.arrival())).append("\r\n");
        for (Failure f : failures) {
            b.append("\r\n");
            b.append("Final-Recipient: rfc822; ").append(f.finalAddress()).append("\r\n");
            if (f.recipient().originalRecipient() != null) {
                b.append("Original-Recipient: ").append(f.recipient().originalRecipient()).append("\r\n");
            }
            b.append("Action: failed\r\n");
            b.append("Status: ").append(status(f.reply())).append("\r\n");
            b.append("Diagnostic-Code: smtp; ").append(f.reply()).append("\r\n");
            b.append("Last-Attempt-Date: ").append(RFC5322.format(now)).append("\r\n");
        }
        b.append("\r\n--").append(boundary).append("\r\n");
        b.append(headersOnly ? "Content-Type: text/rfc822-headers\r\n" : "Content-Type: message/rfc822\r\n");
        b.append("Content-Description: ").append(headersOnly ? "Undelivered Message Headers" : "Undelivered Message")
                .append("\r\n\r\n");
        InputStream head = new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8));
        byte[] returned = headersOnly ? headerOf(messageFile) : null;
        InputStream body = headersOnly ? new ByteArrayInputStream(returned) : Files.newInputStream(messageFile);
        InputStream tail = new ByteArrayInputStream(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new SequenceInputStream(new SequenceInputStream(head, body), tail);
    }

    /** The RFC 3463 status: the reply's enhanced code, else one from its class. */
    static String status(String reply) {
        try {
            Reply r = ReplyText.parse(reply);
            if (r.enhanced() != null) {
                return r.enhanced();
            }
            return r.isPermanent() ? "5.0.0" : "4.0.0";
        } catch (IllegalArgumentException e) {
            return "5.0.0";
        }
    }

    /** The message's header section, up to and without the blank line. */
    private static byte[] headerOf(Path messageFile) throws IOException {
        byte[] all;
        try (InputStream in = Files.newInputStream(messageFile)) {
            all = in.readNBytes(256 * 1024);
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String header = end >= 0 ? text.substring(0, end + 2) : text;
        if (!header.endsWith("\r\n")) {
            header = header + "\r\n";
        }
        return header.getBytes(StandardCharsets.ISO_8859_1);
    }
}

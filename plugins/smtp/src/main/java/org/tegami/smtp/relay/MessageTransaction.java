package org.tegami.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.tegami.api.DeliveryResult;
import org.tegami.api.DeliveryResult.Status;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Reply;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * One MAIL/RCPT/DATA exchange (RFC 5321 3.3) for one message and up to
 * {@link RelayConfig#maxRecipients()} recipients on a ready {@link ClientSession}, pipelined when
 * the server offers PIPELINING (RFC 2920). Decides each recipient: 2xx delivered, 4xx deferred,
 * 5xx failed, with the server's reply. Trouble before the message is handed over makes the
 * whole host unusable ({@link HostFailure}), so the next host is tried.
 */
public final class MessageTransaction {

    private static final TaggedLogger LOG = Logger.tag("relay");

    private final RelayConfig config;
    private final ScheduledExecutorService timer;

    /**
     * @param timer enforces {@link RelayConfig#dataBlockTimeout()} on writes
     */
    public MessageTransaction(RelayConfig config, ScheduledExecutorService timer) {
        this.config = config;
        this.timer = timer;
    }

    /**
     * The results of one transaction.
     *
     * @param results one per recipient, in the order given
     * @param reusable whether the session is in a clean state for the next message
     */
    public record Outcome(List<DeliveryResult> results, boolean reusable) {
    }

    /** Runs the transaction for these recipients (all on the same session). */
    public Outcome run(ClientSession session, OutboundMessage message, List<MailAddress> recipients) throws HostFailure {
        Capabilities caps = session.capabilities();
        String host = session.target().hostName();
        if (MailParameters.needsSmtpUtf8(message.envelope(), recipients) && !caps.has("SMTPUTF8")) {
            // RFC 6531 3.2: no downgrade is defined; the message cannot go to this server.
            return all(recipients, Status.FAILED, Reply.of(550, "5.6.7", host + " does not support SMTPUTF8"), host, true);
        }
        long limit = caps.sizeLimit();
        if (limit > 0 && message.size() > limit) {
            return all(recipients, Status.FAILED, Reply.of(552, "5.3.4",
                    "message of " + message.size() + " bytes exceeds the limit of " + limit + " at " + host), host, true);
        }
        if (MailParameters.isEightBit(message.envelope()) && !caps.has("8BITMIME")) {
            // RFC 6152 3 would want a conversion to 7 bit; like most MTAs we send it as it is.
            LOG.info("{}: {} has an 8-bit body but the server lacks 8BITMIME; sent as is", host, message.queueId());
        }
        try {
            return exchange(session, message, recipients, caps.has("PIPELINING"));
        } catch (UnreadableContent e) {
            LOG.error("{}: cannot read message {} from the spool: {}", host, message.queueId(), e.getCause().getMessage());
            return all(recipients, Status.DEFERRED, Reply.of(451, "4.3.0", "local error reading the message"), host, false);
        } catch (IOException e) {
            throw new HostFailure(Reply.of(451, "4.4.2", "lost connection with " + host + " before the end of data: "
                    + e.getMessage()));
        }
    }

    private Outcome exchange(ClientSession s, OutboundMessage message, List<MailAddress> recipients, boolean pipelining)
            throws IOException, HostFailure {
        String host = s.target().hostName();
        String mail = MailParameters.mailFrom(message.envelope(), message.size(), s.capabilities());
        Map<MailAddress, DeliveryResult> decided = new LinkedHashMap<>();
        List<MailAddress> accepted = new ArrayList<>();
        s.send(mail);
        if (pipelining) {
            for (MailAddress rcpt : recipients) {
                s.send(MailParameters.rcptTo(rcpt, message.envelope(), s.capabilities()));
            }
            s.send("DATA");
        }
        s.flush();
        RemoteReply mailReply = s.read(config.commandTimeout());
        for (MailAddress rcpt : recipients) {
            if (!pipelining) {
                if (!mailReply.isPositive()) {
                    break;
                }
                s.send(MailParameters.rcptTo(rcpt, message.envelope(), s.capabilities()));
                s.flush();
            }
            RemoteReply r = s.read(config.commandTimeout());
            if (r.isPositive()) {
                accepted.add(rcpt);
            } else {
                decided.put(rcpt, result(rcpt, r.isPermanent() ? Status.FAILED : Status.DEFERRED, r.toReply(), host));
            }
        }
        RemoteReply dataReply = null;
        if (pipelining) {
            dataReply = s.read(config.dataTimeout());
        } else if (mailReply.isPositive() && !accepted.isEmpty()) {
            dataReply = s.command("DATA", config.dataTimeout());
        }
        if (!mailReply.isPositive()) {
            boolean clean = dataReply == null || dataReply.code() != 354;
            if (!clean) {
                sendEmptyData(s);
            }
            if (mailReply.isTransient()) {
                throw HostFailure.transientFrom("MAIL FROM at " + host, mailReply);
            }
            return all(recipients, Status.FAILED, mailReply.toReply(), host, clean);
        }
        if (dataReply == null) {
            return ordered(recipients, decided, true);
        }
        if (dataReply.code() != 354) {
            Status status = dataReply.isPermanent() ? Status.FAILED : Status.DEFERRED;
            Reply refused = dataReply.toReply();
            accepted.forEach(r -> decided.put(r, result(r, status, refused, host)));
            return ordered(recipients, decided, true);
        }
        if (accepted.isEmpty()) {
            // RFC 2920 3.1: a server that says 354 with no recipient gets an empty message.
            sendEmptyData(s);
            return ordered(recipients, decided, true);
        }
        sendContent(s, message);
        RemoteReply done;
        try {
            done = s.read(config.dataDoneTimeout());
        } catch (IOException e) {
            // The message may have arrived: deferring risks a duplicate, which beats a loss.
            Reply lost = Reply.of(451, "4.4.2", "no reply from " + host + " after the end of data: " + e.getMessage());
            accepted.forEach(r -> decided.put(r, result(r, Status.DEFERRED, lost, host)));
            return ordered(recipients, decided, false);
        }
        Status status = done.isPositive() ? Status.DELIVERED : done.isPermanent() ? Status.FAILED : Status.DEFERRED;
        accepted.forEach(r -> decided.put(r, result(r, status, done.toReply(), host)));
        LOG.info("{}: {} to {} recipient(s): {}", s.target().describe(), message.queueId(), accepted.size(), done);
        return ordered(recipients, decided, true);
    }

    private static void sendEmptyData(ClientSession s) throws IOException {
        s.send(".");
        s.flush();
        s.read(Duration.ofSeconds(30));
    }

    private void sendContent(ClientSession s, OutboundMessage message) throws IOException {
        DotStuffer data = new DotStuffer(s.output());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = openContent(message)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new UnreadableContent(e);
                }
                if (n < 0) {
                    break;
                }
                try (WriteDeadline deadline = WriteDeadline.arm(timer, s.socket(), config.dataBlockTimeout())) {
                    data.write(buffer, 0, n);
                }
            }
        }
        try (WriteDeadline deadline = WriteDeadline.arm(timer, s.socket(), config.dataBlockTimeout())) {
            data.finish();
            s.flush();
        }
    }

    private static InputStream openContent(OutboundMessage message) throws UnreadableContent {
        try {
            return message.content().open();
        } catch (IOException e) {
            throw new UnreadableContent(e);
        }
    }

    /** Reading the spool file failed (as opposed to the socket). */
    private static final class UnreadableContent extends IOException {
        UnreadableContent(IOException cause) {
            super(cause);
        }
    }

    private static Outcome ordered(List<MailAddress> recipients, Map<MailAddress, DeliveryResult> decided, boolean reusable) {
        return new Outcome(recipients.stream().map(decided::get).toList(), reusable);
    }

    private static Outcome all(List<MailAddress> recipients, Status status, Reply reply, String host, boolean reusable) {
        return new Outcome(recipients.stream().map(r -> result(r, status, reply, host)).toList(), reusable);
    }

    static DeliveryResult result(MailAddress recipient, Status status, Reply reply, String host) {
        return new DeliveryResult(recipient, status, reply, host);
    }
}

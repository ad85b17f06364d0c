package org.tegami.smtp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.smtp.spf.SpfVerdict;

/**
 * One mail transaction (RFC 5321 3.3): opened by MAIL, given recipients by RCPT, ended by the
 * end of DATA or BDAT LAST, RSET, QUIT, EHLO/HELO or STARTTLS. Not thread-safe.
 */
public final class Transaction {

    private final MailAddress sender;
    private final Map<String, String> parameters;
    private final SpfVerdict spf;
    private final List<Recipient> recipients = new ArrayList<>();

    /**
     * @param sender the reverse-path
     * @param parameters MAIL parameters kept for the envelope (upper-case keys)
     * @param spf the SPF check of the sender, or {@code null} when it was not checked
     */
    public Transaction(MailAddress sender, Map<String, String> parameters, SpfVerdict spf) {
        this.sender = sender;
        this.parameters = Map.copyOf(parameters);
        this.spf = spf;
    }

    public MailAddress sender() {
        return sender;
    }

    /** The SPF check of the sender, when there was one. */
    public Optional<SpfVerdict> spf() {
        return Optional.ofNullable(spf);
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public List<Recipient> recipients() {
        return List.copyOf(recipients);
    }

    public int recipientCount() {
        return recipients.size();
    }

    public void addRecipient(Recipient recipient) {
        recipients.add(recipient);
    }

    /** Whether the client asked for SMTPUTF8 (RFC 6531 3.4). */
    public boolean smtpUtf8() {
        return parameters.containsKey("SMTPUTF8");
    }

    public Envelope envelope(Envelope.Origin origin) {
        return new Envelope(sender, recipients, parameters, origin);
    }
}

package org.tegami.core.spool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;

/**
 * The content of one envelope file: who sent the message, when it arrived, and each
 * recipient's state. Immutable; updates make a new entry that the spool writes atomically.
 *
 * @param id the queue id
 * @param sender the reverse-path
 * @param parameters the MAIL FROM parameters
 * @param origin who handed the message over
 * @param arrival when the spool accepted it
 * @param recipients the recipients with their state, in the order given
 * @param size the message file's length in bytes, or -1 where not recorded (older entries):
 *     a message file of another length is damaged and is not delivered
 */
public record QueueEntry(String id, MailAddress sender, Map<String, String> parameters, Envelope.Origin origin,
        Instant arrival, List<RecipientEntry> recipients, long size) {

    public QueueEntry {
        parameters = Map.copyOf(parameters);
        recipients = List.copyOf(recipients);
    }

    /** An entry without a recorded message size. */
    public QueueEntry(String id, MailAddress sender, Map<String, String> parameters, Envelope.Origin origin,
            Instant arrival, List<RecipientEntry> recipients) {
        this(id, sender, parameters, origin, arrival, recipients, -1);
    }

    /** A new entry with every recipient pending, without a recorded message size. */
    public static QueueEntry accepted(String id, Envelope envelope, Instant arrival) {
        return accepted(id, envelope, arrival, -1);
    }

    /** A new entry with every recipient pending, for a message file of {@code size} bytes. */
    public static QueueEntry accepted(String id, Envelope envelope, Instant arrival, long size) {
        List<RecipientEntry> rs = new ArrayList<>();
        for (Recipient r : envelope.recipients()) {
            rs.add(RecipientEntry.pending(r));
        }
        return new QueueEntry(id, envelope.sender(), envelope.parameters(), envelope.origin(), arrival, rs, size);
    }

    /** The envelope as accepted. */
    public Envelope envelope() {
        return new Envelope(sender, recipients.stream().map(RecipientEntry::recipient).toList(), parameters, origin);
    }

    /** Whether any recipient waits for an attempt at or before {@code now}. */
    public boolean isDue(Instant now) {
        return recipients.stream().anyMatch(r -> r.isDue(now));
    }

    /** Whether every recipient is delivered or failed. */
    public boolean isFinished() {
        return recipients.stream().allMatch(r -> r.state().isFinal());
    }

    /** The earliest time a deferred recipient is due, or {@code null} when none waits. */
    public Instant nextDue() {
        Instant min = null;
        for (RecipientEntry r : recipients) {
            if (r.state() == DeliveryState.PENDING) {
                return arrival;
            }
            if (r.state() == DeliveryState.DEFERRED && r.nextTry() != null && (min == null || r.nextTry().isBefore(min))) {
                min = r.nextTry();
            }
        }
        return min;
    }

    /** A copy with recipient {@code index} replaced. */
    public QueueEntry withRecipient(int index, UnaryOperator<RecipientEntry> change) {
        List<RecipientEntry> rs = new ArrayList<>(recipients);
        rs.set(index, change.apply(rs.get(index)));
        return new QueueEntry(id, sender, parameters, origin, arrival, rs, size);
    }

    /** A copy with every deferred recipient due at {@code when} (queue flush). */
    public QueueEntry dueAt(Instant when) {
        List<RecipientEntry> rs = new ArrayList<>();
        for (RecipientEntry r : recipients) {
            rs.add(r.state() == DeliveryState.DEFERRED ? r.withState(r.state(), r.attempts(), r.lastReply(), when) : r);
        }
        return new QueueEntry(id, sender, parameters, origin, arrival, rs, size);
    }
}

package org.tegami.core.spool;

import java.time.Instant;
import java.util.List;
import org.tegami.api.Recipient;

/**
 * One envelope recipient of a queue entry with its delivery state.
 *
 * @param recipient the address and DSN parameters as given at acceptance
 * @param state PENDING until the first attempt, then DEFERRED, DELIVERED or FAILED
 * @param attempts attempts made so far
 * @param lastReply the reply that decided the last attempt, or {@code null}
 * @param nextTry when to try again (DEFERRED), or {@code null}
 * @param resolved whether {@link #targets} holds the persisted route expansion
 * @param targets the final destinations; empty until resolved
 */
public record RecipientEntry(Recipient recipient, DeliveryState state, int attempts, String lastReply,
        Instant nextTry, boolean resolved, List<Target> targets) {

    public RecipientEntry {
        targets = List.copyOf(targets);
    }

    /** A freshly accepted recipient. */
    public static RecipientEntry pending(Recipient recipient) {
        return new RecipientEntry(recipient, DeliveryState.PENDING, 0, null, null, false, List.of());
    }

    /** Whether it waits for an attempt at or before {@code now}. */
    public boolean isDue(Instant now) {
        return state == DeliveryState.PENDING
                || state == DeliveryState.DEFERRED && (nextTry == null || !nextTry.isAfter(now));
    }

    public RecipientEntry withTargets(List<Target> expanded) {
        return new RecipientEntry(recipient, state, attempts, lastReply, nextTry, true, expanded);
    }

    public RecipientEntry withState(DeliveryState newState, int newAttempts, String reply, Instant next) {
        return new RecipientEntry(recipient, newState, newAttempts, reply, next, resolved, targets);
    }
}

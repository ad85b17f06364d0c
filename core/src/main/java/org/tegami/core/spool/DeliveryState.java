package org.tegami.core.spool;

/** Where one recipient (or one of its resolved targets) stands. */
public enum DeliveryState {
    /** Not tried yet. */
    PENDING,
    /** Done: delivered, relayed, or discarded on purpose. */
    DELIVERED,
    /** Tried, failed temporarily; tried again at its next-try time. */
    DEFERRED,
    /** Will never succeed; reported to the sender in a bounce. */
    FAILED;

    /** Whether nothing more will be done for it. */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }
}

package org.tegami.core.server;

/**
 * How a reload ended, for the log and for {@code tegami reload}.
 *
 * @param status {@code applied}: the new configuration runs; {@code refused}: it has a problem
 *     and the previous one still runs unchanged; {@code failed}: it was taken, but a part of it
 *     could not be made (a port that cannot be bound, an extension that failed to start)
 * @param message the summary of what changed, or the problems
 */
public record ReloadOutcome(Status status, String message) {

    /** See {@link ReloadOutcome}. */
    public enum Status { APPLIED, REFUSED, FAILED }

    public static ReloadOutcome applied(String summary) {
        return new ReloadOutcome(Status.APPLIED, summary);
    }

    public static ReloadOutcome refused(String problem) {
        return new ReloadOutcome(Status.REFUSED, problem);
    }

    public static ReloadOutcome failed(String problems) {
        return new ReloadOutcome(Status.FAILED, problems);
    }

    public boolean ok() {
        return status == Status.APPLIED;
    }
}

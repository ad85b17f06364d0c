package org.tegami.core.delivery;

import java.time.Duration;

/**
 * The queue's tunables ({@code queue.*} in tegami.conf), already parsed.
 *
 * @param workers delivery threads
 * @param retryMin first retry delay; doubles per attempt
 * @param retryMax the longest retry delay
 * @param maxAge after this age every still-pending recipient fails and is bounced
 * @param lease a claim older than this is taken back from a dead instance
 * @param rescan how often the spool is rescanned besides watch events
 * @param pipeTimeout how long a {@code |command} delivery may run
 */
public record QueueSettings(int workers, Duration retryMin, Duration retryMax, Duration maxAge, Duration lease,
        Duration rescan, Duration pipeTimeout) {

    public QueueSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("queue.workers must be at least 1");
        }
        if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("need 0 < queue.retry-min <= queue.retry-max");
        }
    }

    /** The defaults of conf/tegami.conf. */
    public static QueueSettings defaults() {
        return new QueueSettings(4, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(5),
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    /**
     * The delay before the next try after {@code attempts} failed attempts: retryMin,
     * doubling per attempt, capped at retryMax.
     */
    public Duration retryDelay(int attempts) {
        Duration d = retryMin;
        for (int i = 1; i < attempts && d.compareTo(retryMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}

package org.tegami.core.auth;

import java.time.Duration;

/** Waits; replaced in tests so that delays cost no time. */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep}. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

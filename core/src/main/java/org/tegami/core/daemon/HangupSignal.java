package org.tegami.core.daemon;

import sun.misc.Signal;

/**
 * Runs an action on SIGHUP, the Unix convention for "read your configuration again"
 * (Postfix, Dovecot, sshd). The JDK has no public API for signals; {@code sun.misc.Signal} from
 * module {@code jdk.unsupported} is the supported way around that through JDK 17 and later, and
 * this class is its only user. The action runs on the JVM's signal thread: it must return
 * quickly (hand the work to another thread).
 */
public final class HangupSignal {

    private HangupSignal() {
    }

    /**
     * Installs the handler.
     *
     * @return false where the platform has no SIGHUP (Windows) or the JVM keeps it for itself
     *     ({@code -Xrs})
     */
    public static boolean install(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), signal -> action.run());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

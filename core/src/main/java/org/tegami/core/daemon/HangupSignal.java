package org.tegami.core.daemon;

import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

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
     * @return empty when installed, else why SIGHUP will not reach the action: the platform has
     *     no SIGHUP (Windows), the JVM keeps it for itself ({@code -Xrs}), or the process was
     *     started with SIGHUP ignored ({@code nohup}), which the JVM then leaves ignored
     */
    public static Optional<String> install(Runnable action) {
        SignalHandler previous;
        try {
            previous = Signal.handle(new Signal("HUP"), signal -> action.run());
        } catch (IllegalArgumentException e) {
            return Optional.of("SIGHUP cannot be caught on this platform or with -Xrs");
        }
        if (previous == SignalHandler.SIG_IGN) {
            return Optional.of("SIGHUP was ignored when this process started (nohup?), and the JVM keeps it"
                    + " ignored; start the server without nohup (bin/tegami and systemd do)");
        }
        return Optional.empty();
    }
}

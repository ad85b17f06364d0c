package org.tegami.api;

import java.nio.file.Path;
import java.util.List;

/** What a {@link Router} decides for one recipient. */
public sealed interface RouteDecision {

    /** Not mine: ask the next router. When no router decides, the recipient is rejected 550 5.1.1. */
    record Pass() implements RouteDecision {
    }

    /**
     * Deliver into a local user's Maildir.
     *
     * @param user the account name as in {@code conf/users} (e.g. {@code alice@localhost})
     * @param folder the folder, {@code INBOX} or a name like {@code Archive/2026}
     */
    record Deliver(String user, String folder) implements RouteDecision {
        public Deliver(String user) {
            this(user, "INBOX");
        }
    }

    /** Replace the recipient by these addresses (aliases, forwards); each is routed anew. */
    record Rewrite(List<MailAddress> addresses) implements RouteDecision {
        public Rewrite {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * Relay to a remote server through a {@link Transport}.
     *
     * @param transport the transport's {@link Transport#name()}, e.g. {@code smtp}
     * @param nextHop {@code host[:port]} of a smarthost, or {@code null} to use the domain's MX
     * @param requireTls whether delivery must fail rather than go without TLS
     */
    record Relay(String transport, String nextHop, boolean requireTls) implements RouteDecision {
        public Relay(String transport) {
            this(transport, null, false);
        }
    }

    /** Pipe the message to a shell command's standard input (aliases(5) {@code |command}). */
    record Pipe(String command) implements RouteDecision {
    }

    /** Append the message, mbox style, to a file (aliases(5) {@code /path}). */
    record AppendToFile(Path file) implements RouteDecision {
    }

    /**
     * Several outcomes at once, each followed as if returned alone: an alias such as
     * {@code alice: alice, bob, |cmd} is {@code Several[Deliver(alice), Rewrite[bob], Pipe(cmd)]}.
     */
    record Several(List<RouteDecision> parts) implements RouteDecision {
        public Several {
            parts = List.copyOf(parts);
        }
    }

    /** Refuse the recipient with this reply (at RCPT time, or by a bounce later). */
    record Reject(Reply reply) implements RouteDecision {
    }

    /** Accept and throw away, logged with the reason. */
    record Discard(String reason) implements RouteDecision {
    }

    static RouteDecision pass() {
        return new Pass();
    }
}

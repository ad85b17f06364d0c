package org.tegami.core.delivery;

import java.io.IOException;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.core.spool.QueueEntry;
import org.tegami.core.spool.QueueIds;
import org.tegami.core.spool.SpoolClaim;
import org.tegami.core.spool.Target;
import org.tinylog.Logger;

/**
 * Carries out one non-relay target: Deliver into a Maildir through {@link LocalDelivery},
 * Pipe to a command, AppendToFile to an mbox, Reject (fails) and Discard (done). Errors of
 * our own (I/O, a crashing delivery) defer the target.
 */
final class TargetRunner {

    private final LocalDelivery local;
    private final PipeDelivery pipe;
    private final MboxDelivery mbox;
    private final java.time.Clock clock;

    TargetRunner(LocalDelivery local, PipeDelivery pipe, MboxDelivery mbox, java.time.Clock clock) {
        this.local = local;
        this.pipe = pipe;
        this.mbox = mbox;
        this.clock = clock;
    }

    DeliveryResult run(SpoolClaim claim, QueueEntry e, Target t) {
        RouteDecision d = t.decision();
        try {
            if (d instanceof RouteDecision.Deliver deliver) {
                return local.deliver(deliveryKey(e.id(), t), e.envelope(), t.address(), deliver, claim.messageFile());
            } else if (d instanceof RouteDecision.Pipe p) {
                return pipe.deliver(e.id(), e.sender(), t.address(), p.command(), claim.messageFile());
            } else if (d instanceof RouteDecision.AppendToFile f) {
                return mbox.deliver(e.sender(), t.address(), f.file(), claim.messageFile(), clock.instant());
            } else if (d instanceof RouteDecision.Reject r) {
                return DeliveryResult.failed(t.address(), r.reply());
            } else if (d instanceof RouteDecision.Discard x) {
                return DeliveryResult.delivered(t.address(), Reply.of(250, "2.0.0", "discarded: " + oneLine(x.reason())));
            }
            return DeliveryResult.failed(t.address(), Reply.of(554, "5.3.0", "cannot carry out " + describe(d)));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return DeliveryResult.deferred(t.address(), Reply.of(451, "4.3.0", "delivery interrupted"));
        } catch (IOException | RuntimeException ex) {
            Logger.tag("delivery").warn("{}: {} to {} failed: {}", e.id(), describe(d), t.address().bracketed(), ex.toString());
            return DeliveryResult.deferred(t.address(), Reply.of(451, "4.3.0", "local delivery error"));
        }
    }

    /**
     * The key that makes a local delivery idempotent: the queue id and a short stable hash of
     * the final target, so a retry after a crash finds the copy it already made.
     */
    static String deliveryKey(String queueId, Target t) {
        String what = t.address().localPart() + "@" + t.address().domain() + "\0" + describe(t.decision());
        if (t.decision() instanceof RouteDecision.Deliver d) {
            what = what + "\0" + d.user() + "\0" + d.folder();
        }
        return queueId + "-" + QueueIds.digest(what).substring(0, 12);
    }

    /** A short name for logs: maildir, pipe, file, relay name, reject, discard. */
    static String describe(RouteDecision d) {
        if (d instanceof RouteDecision.Deliver) {
            return "maildir";
        } else if (d instanceof RouteDecision.Pipe) {
            return "pipe";
        } else if (d instanceof RouteDecision.AppendToFile) {
            return "file";
        } else if (d instanceof RouteDecision.Relay r) {
            return r.transport() + (r.nextHop() == null ? "" : ":" + r.nextHop());
        } else if (d instanceof RouteDecision.Reject) {
            return "reject";
        } else if (d instanceof RouteDecision.Discard) {
            return "discard";
        }
        return d.getClass().getSimpleName();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]", " ");
    }
}

package org.tegami.core.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

/**
 * A LocalDelivery that remembers every key it delivered and records any second delivery of
 * the same key as a duplicate, like the Maildir's idempotence check would have to catch.
 */
final class RecordingLocalDelivery implements LocalDelivery {

    record Call(String key, MailAddress recipient, RouteDecision.Deliver target, String content) {
    }

    final Map<String, Call> delivered = new ConcurrentHashMap<>();
    final List<String> duplicates = new CopyOnWriteArrayList<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Function<RouteDecision.Deliver, DeliveryResult.Status> outcome = t -> DeliveryResult.Status.DELIVERED;

    @Override
    public DeliveryResult deliver(String deliveryKey, Envelope envelope, MailAddress recipient,
            RouteDecision.Deliver target, Path messageFile) throws java.io.IOException {
        Call call = new Call(deliveryKey, recipient, target, Files.readString(messageFile));
        calls.add(call);
        return switch (outcome.apply(target)) {
            case DELIVERED -> {
                if (delivered.putIfAbsent(deliveryKey, call) != null) {
                    duplicates.add(deliveryKey);
                }
                yield DeliveryResult.delivered(recipient, Reply.of(250, "2.0.0", "delivered to maildir"));
            }
            case DEFERRED -> DeliveryResult.deferred(recipient, Reply.of(452, "4.2.2", "mailbox full"));
            case FAILED -> DeliveryResult.failed(recipient, Reply.of(550, "5.1.1", "no such mailbox"));
        };
    }
}

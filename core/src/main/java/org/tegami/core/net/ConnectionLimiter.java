package org.tegami.core.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts open connections in total and per client (an IPv4 address or an IPv6 /64, see
 * {@link ClientNetwork}). One small lock: it is taken twice per connection, never while doing I/O.
 */
final class ConnectionLimiter {

    /** Why a connection was refused, for the log. */
    enum Verdict { ADMITTED, TOTAL_LIMIT, ADDRESS_LIMIT }

    private int maxTotal;
    private int maxPerAddress;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private int total;

    ConnectionLimiter(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * New limits (a reload). Connections open beyond them stay; new ones wait until the counts
     * are below the new limits.
     */
    synchronized void limits(int total, int perAddress) {
        this.maxTotal = total;
        this.maxPerAddress = perAddress;
    }

    /** Takes a slot for a client; the caller must {@link #release} it once if ADMITTED. */
    synchronized Verdict tryAcquire(InetAddress address) {
        InetAddress client = ClientNetwork.of(address);
        if (total >= maxTotal) {
            return Verdict.TOTAL_LIMIT;
        }
        int current = perAddress.getOrDefault(client, 0);
        if (current >= maxPerAddress) {
            return Verdict.ADDRESS_LIMIT;
        }
        perAddress.put(client, current + 1);
        total++;
        return Verdict.ADMITTED;
    }

    synchronized void release(InetAddress address) {
        InetAddress client = ClientNetwork.of(address);
        Integer current = perAddress.get(client);
        if (current == null) {
            return;
        }
        if (current <= 1) {
            perAddress.remove(client);
        } else {
            perAddress.put(client, current - 1);
        }
        total--;
    }

    synchronized int total() {
        return total;
    }
}

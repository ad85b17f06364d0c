package org.tegami.smtp.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.NioClient;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * Sends DNS queries to the configured server, or the system's resolvers, with one cache that
 * keeps answers within their TTL. The resolver is made at the first query: loading dnsjava and
 * reading the system's resolver setup costs some 0.2 s and some memory, for a server that may
 * never need it. Thread-safe.
 */
public final class DnsClient {

    /** Whether any client in this plugin sent a query, so dnsjava's network thread may run. */
    private static final AtomicBoolean NETWORK_USED = new AtomicBoolean();

    /** The configured DNS server, or {@code null} for the system's resolvers. */
    private final InetSocketAddress server;
    private final Duration timeout;
    private Resolver resolver;
    private Cache cache;

    /**
     * @param resolverAddress {@code host[:port]} or {@code [v6]:port} of a DNS server, or empty
     *     for the system's resolvers
     * @param timeout per query
     * @throws UnknownHostException when the configured DNS server's name does not resolve
     */
    public DnsClient(String resolverAddress, Duration timeout) throws UnknownHostException {
        server = resolverAddress == null || resolverAddress.isBlank() ? null : serverAddress(resolverAddress.strip());
        this.timeout = timeout;
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
    private static InetSocketAddress serverAddress(String text) throws UnknownHostException {
        String host = text;
        String port = "53";
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String rest = close < 0 ? "" : text.substring(close + 1);
            if (close < 2 || !(rest.isEmpty() || rest.startsWith(":"))) {
                throw new IllegalArgumentException("bad DNS server address: " + text);
            }
            host = text.substring(1, close);
            port = rest.isEmpty() ? port : rest.substring(1);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("bad port in DNS server address: " + text);
        }
        return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
    }

    /**
     * One finished query.
     *
     * @param result dnsjava's {@link Lookup} result ({@code SUCCESSFUL}, {@code HOST_NOT_FOUND},
     *     {@code TYPE_NOT_FOUND}, {@code TRY_AGAIN}, {@code UNRECOVERABLE})
     * @param records the answer's records; empty unless successful
     * @param error dnsjava's words for the result
     * @param nanos how long the query took
     */
    public record Answer(int result, Record[] records, String error, long nanos) {

        public boolean successful() {
            return result == Lookup.SUCCESSFUL;
        }

        /** No such name, or no records of the type: an answer, just an empty one. */
        public boolean empty() {
            return result == Lookup.HOST_NOT_FOUND || result == Lookup.TYPE_NOT_FOUND;
        }
    }

    /** Asks for the records of one type at a name. */
    public Answer query(Name name, int type) {
        Lookup lookup = new Lookup(name, type);
        setUp(lookup);
        long start = System.nanoTime();
        Record[] records = lookup.run();
        return new Answer(lookup.getResult(), records == null ? new Record[0] : records,
                lookup.getErrorString(), System.nanoTime() - start);
    }

    /** Why a query that failed did, in words for a log or a reply. */
    public String failure(Answer answer) {
        if (answer.result() == Lookup.TRY_AGAIN && answer.nanos() >= timeout.toNanos()) {
            // dnsjava calls a query that got no answer in time "timed out" or "network error",
            // depending on which of its two timers fired first; the time it took tells.
            return "no answer from the DNS server within "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
        }
        return answer.error();
    }

    /** Gives a lookup the resolver and the cache, making them at the first call. */
    private synchronized void setUp(Lookup lookup) {
        if (resolver == null) {
            resolver = server == null ? Lookup.getDefaultResolver() : new SimpleResolver(server);
            resolver.setTimeout(timeout);
            cache = new Cache(DClass.IN);
            NETWORK_USED.set(true);
        }
        lookup.setResolver(resolver);
        lookup.setCache(cache);
    }

    /**
     * Ends dnsjava's selector thread and removes its shutdown hook if any query was made. Both
     * live in the plugin's class loader: they must end with the plugin, or the hook runs
     * against an unloaded plugin at JVM exit. A later query starts them again.
     */
    public static void releaseNetwork() {
        if (NETWORK_USED.getAndSet(false)) {
            NioClient.close();
        }
    }
}

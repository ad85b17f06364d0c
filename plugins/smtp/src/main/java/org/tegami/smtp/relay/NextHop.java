package org.tegami.smtp.relay;

import java.util.Locale;

/**
 * Where a message goes next, as Postfix writes it: {@code example.com} (MX lookup, port 25),
 * {@code example.com:587} (MX lookup, that port), {@code [mail.example.com]} or
 * {@code [mail.example.com]:587} (no MX lookup: that host's addresses), {@code [192.0.2.1]:25},
 * {@code [2001:db8::1]:25} (an address).
 *
 * @param host the domain or host name (lower-case) or IP literal, without brackets
 * @param port the TCP port
 * @param mxLookup whether {@code host} is a domain whose MX records name the servers
 */
public record NextHop(String host, int port, boolean mxLookup) {

    public NextHop {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("next hop needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The MX route for a recipient domain, on the given port. */
    public static NextHop domain(String domain, int port) {
        return new NextHop(domain, port, true);
    }

    /**
     * Parses {@code host[:port]} or {@code [host][:port]}.
     *
     * @param defaultPort the port when none is written
     * @throws IllegalArgumentException with a reason an operator understands
     */
    public static NextHop parse(String text, int defaultPort) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty next hop");
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 2) {
                throw new IllegalArgumentException("unclosed '[' in next hop: " + text);
            }
            String host = s.substring(1, close);
            if (host.regionMatches(true, 0, "ipv6:", 0, 5)) {
                host = host.substring(5);
            }
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return new NextHop(host, defaultPort, false);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("expected ':port' after ']' in next hop: " + text);
            }
            return new NextHop(host, port(rest.substring(1), text), false);
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return new NextHop(s, defaultPort, true);
        }
        if (s.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("write an IPv6 next hop in brackets: " + text);
        }
        if (colon == 0) {
            throw new IllegalArgumentException("next hop needs a host: " + text);
        }
        return new NextHop(s.substring(0, colon), port(s.substring(colon + 1), text), true);
    }

    private static int port(String digits, String text) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port in next hop: " + text);
    }

    /** Whether the host is an IP address literal rather than a name. */
    public boolean isAddressLiteral() {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** The Postfix form: {@code [host]:port} or {@code host:port}. */
    @Override
    public String toString() {
        return (mxLookup ? host : "[" + host + "]") + ":" + port;
    }
}

package org.tegami.core.config;

import java.net.InetSocketAddress;

/**
 * A {@code host:port} pair as written in the config: {@code 127.0.0.1:2525},
 * {@code [::1]:2525}, {@code mail.example.org:25}. Not resolved here.
 *
 * @param host a name or literal address, without brackets
 * @param port 0 to 65535 (0 asks the system for a free port)
 */
public record HostPort(String host, int port) {

    /**
     * @param value the text
     * @param defaultPort used when no port is given, or -1 when a port is required
     * @throws IllegalArgumentException with the reason, when the text is not a host and port
     */
    public static HostPort parse(String value, int defaultPort) {
        String v = value.strip();
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw bad(value, "missing ']'");
            }
            host = v.substring(1, close);
            String rest = v.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(value, "expected ':' after ']'");
                }
                port = rest.substring(1);
            }
            if (host.indexOf(':') < 0) {
                throw bad(value, "brackets are only for IPv6 addresses");
            }
        } else {
            int colon = v.lastIndexOf(':');
            if (colon >= 0 && v.indexOf(':') != colon) {
                throw bad(value, "write IPv6 addresses in brackets, like [::1]:2525");
            }
            host = colon < 0 ? v : v.substring(0, colon);
            port = colon < 0 ? null : v.substring(colon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw bad(value, "missing or bad host");
        }
        if (port == null) {
            if (defaultPort < 0) {
                throw bad(value, "missing port");
            }
            return new HostPort(host, defaultPort);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535) {
                throw bad(value, "port out of range");
            }
            return new HostPort(host, p);
        } catch (NumberFormatException e) {
            throw bad(value, "bad port");
        }
    }

    /** An unresolved socket address; the network layer resolves it when binding or connecting. */
    public InetSocketAddress toSocketAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static IllegalArgumentException bad(String value, String why) {
        return new IllegalArgumentException("not host:port (" + why + "): \"" + value + "\"");
    }
}

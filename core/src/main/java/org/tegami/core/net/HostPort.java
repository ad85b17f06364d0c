package org.tegami.core.net;

import java.net.InetSocketAddress;

/**
 * Parses a listener address from config ({@code smtp.listen = 127.0.0.1:2525}): {@code host:port},
 * {@code [ipv6]:port}, or {@code *:port} / {@code :port} for every interface.
 */
public final class HostPort {

    private HostPort() {
    }

    /**
     * @throws IllegalArgumentException with an operator-readable reason, for a config message
     */
    public static InetSocketAddress parse(String value) {
        String text = value.strip();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not host:port: \"" + value + "\"");
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in \"" + value + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in \"" + value + "\"");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("write an IPv6 address in brackets: \"[" + host + "]:" + port + "\"");
        }
        if (host.isEmpty() || host.equals("*")) {
            return new InetSocketAddress(port);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unknown host \"" + host + "\"");
        }
        return address;
    }
}

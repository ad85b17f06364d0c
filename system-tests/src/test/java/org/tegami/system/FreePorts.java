package org.tegami.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out loopback ports for servers the tests start as separate processes.
 *
 * <p>Asking the kernel for port 0 and closing the socket can give the same port twice in a row
 * (two listeners of one server then collide), and it gives ports from the ephemeral range that
 * the tests' own client connections also draw from. So ports come from below that range, are
 * probed with a bind, and are never handed out twice in one test run.
 */
public final class FreePorts {

    /** Below Linux's default ephemeral range (32768-60999), above the usual service ports. */
    private static final int FIRST = 20000;
    private static final int END = 32768;

    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    /** A port on 127.0.0.1 that nobody listens on now and that this test run has not used. */
    public static synchronized int next() throws IOException {
        int span = END - FIRST;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = FIRST + (start + i) % span;
            if (!handedOut.contains(port) && bindable(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IOException("no free loopback port in " + FIRST + "-" + (END - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}

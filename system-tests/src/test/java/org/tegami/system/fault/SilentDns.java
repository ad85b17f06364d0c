package org.tegami.system.fault;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A DNS server on a loopback UDP port that takes every query and never answers. */
final class SilentDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread receiver;

    SilentDns() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = new Thread(this::receive, "silent-dns");
        receiver.setDaemon(true);
        receiver.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many queries came in so far. */
    int queries() {
        return queries.get();
    }

    private void receive() {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buf, buf.length));
                queries.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

package org.tegami.system.fault;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server that accepts connections and never says a word: no greeting, no reply. It
 * records when each connection came and when the other side gave up and closed it.
 */
final class SilentMx implements AutoCloseable {

    /** One connection: accepted at, closed by the client at (nanoTime; 0 while open). */
    static final class Call {
        final long acceptedNanos = System.nanoTime();
        volatile long closedNanos;
    }

    private final ServerSocket server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentMx() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "silent-mx");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Call> calls() {
        return calls;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Call call = new Call();
                sockets.add(s);
                calls.add(call);
                Thread reader = new Thread(() -> drain(s, call), "silent-mx-call");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads whatever comes until the client closes; answers nothing. */
    private static void drain(Socket s, Call call) {
        try (InputStream in = s.getInputStream()) {
            byte[] buf = new byte[1024];
            while (in.read(buf) >= 0) {
                // silence
            }
        } catch (IOException e) {
            // reset by the client: closed as well
        }
        call.closedNanos = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}

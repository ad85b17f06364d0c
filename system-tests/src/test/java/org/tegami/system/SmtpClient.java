package org.tegami.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A bare SMTP client over a socket, line by line, for tests that must stop in the middle of a
 * transaction (a signal between DATA lines) or look at one reply code.
 */
final class SmtpClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    /** Connects and reads the greeting; fails if it is not 220. */
    static SmtpClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        SmtpClient client = new SmtpClient(socket);
        String greeting = client.reply();
        if (!greeting.startsWith("220")) {
            client.close();
            throw new IOException("greeting: " + greeting);
        }
        return client;
    }

    /** Whether something accepts connections on the port now. */
    static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the port accepts (or stops accepting, with {@code wanted} false). */
    static boolean awaitAccepting(int port, boolean wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (accepting(port) == wanted) {
                return true;
            }
            Thread.sleep(50);
        }
        return accepting(port) == wanted;
    }

    /** Sends one line and returns the whole reply (the last line of a multi-line one). */
    String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /** Sends one line without waiting. */
    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one reply; returns its last line. */
    String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    /** EHLO, MAIL, RCPT for one recipient; returns the RCPT reply. */
    String startTransaction(String from, String to) throws IOException {
        command("EHLO client.test");
        String mail = command("MAIL FROM:<" + from + ">");
        if (!mail.startsWith("250")) {
            throw new IOException("MAIL: " + mail);
        }
        return command("RCPT TO:<" + to + ">");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

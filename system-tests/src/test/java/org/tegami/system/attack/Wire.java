package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.tegami.testing.SelfSignedTlsProvider;

/**
 * A raw protocol client: writes exactly the bytes it is given (one write each) and reads
 * lines, checking every line it reads for leaked Java internals. Connects from a chosen
 * loopback address ({@code 127.0.0.x}) so that per-address limits and lockouts of one test do
 * not touch another. Not thread-safe.
 */
final class Wire implements AutoCloseable {

    private static final int READ_TIMEOUT = 10_000;

    private final String name;
    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private final List<String> untagged = new ArrayList<>();

    private Wire(String name, Socket plain) throws IOException {
        this.name = name;
        this.plain = plain;
        this.socket = plain;
        plain.setSoTimeout(READ_TIMEOUT);
        plain.setTcpNoDelay(true);
        this.in = plain.getInputStream();
        this.out = plain.getOutputStream();
    }

    /** A plain connection to {@code port} from {@code source}. */
    static Wire open(int port, String source) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new Wire(port + " from " + source, s);
    }

    /** An implicit-TLS connection (handshake done) to {@code port} from {@code source}. */
    static Wire openTls(int port, String source) throws IOException {
        Wire w = open(port, source);
        w.startTls();
        return w;
    }

    /** Layers TLS over the connection now; the server must not have sent anything unread. */
    void startTls() throws IOException {
        assertEquals(0, limit - pos, "bytes from the server before the TLS handshake");
        SSLSocket tls = (SSLSocket) SelfSignedTlsProvider.trustingClientContext().getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.setSoTimeout(READ_TIMEOUT);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** Takes what the server sent that was read but not yet returned as a line. */
    byte[] takeBuffered() {
        byte[] rest = java.util.Arrays.copyOfRange(buffer, pos, limit);
        pos = limit;
        return rest;
    }

    void timeout(Duration d) throws SocketException {
        socket.setSoTimeout((int) d.toMillis());
    }

    /** Writes {@code raw} as ISO-8859-1 bytes in one write. */
    Wire send(String raw) throws IOException {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    Wire send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
        return this;
    }

    /** Writes {@code line} and CRLF. */
    Wire line(String line) throws IOException {
        return send(line + "\r\n");
    }

    /** The next line without its line end, or {@code null} at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == limit) {
                int n = in.read(buffer);
                if (n < 0) {
                    if (line.size() > 0) {
                        return check(line.toString(StandardCharsets.ISO_8859_1));
                    }
                    return null;
                }
                pos = 0;
                limit = n;
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return check(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
            }
            line.write(b);
        }
    }

    private String check(String line) {
        Leaks.assertClean(line, name);
        return line;
    }

    /** The last line of an SMTP reply (the one with the code and a space), or {@code null} at end of stream. */
    String smtp() throws IOException {
        String line;
        do {
            line = readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    /** Every line of an SMTP reply, joined by LF. */
    String smtpAll() throws IOException {
        StringBuilder all = new StringBuilder();
        String line;
        do {
            line = readLine();
            if (line == null) {
                break;
            }
            all.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return all.toString();
    }

    /**
     * Reads up to the completion of {@code tag} and returns it; the untagged lines before it are
     * in {@link #untagged()}. Returns {@code null} when the server closes first.
     */
    String imap(String tag) throws IOException {
        untagged.clear();
        String line;
        while ((line = readLine()) != null) {
            if (line.startsWith(tag + " ")) {
                return line;
            }
            untagged.add(line);
        }
        return null;
    }

    /** The untagged lines read by the last {@link #imap}. */
    List<String> untagged() {
        return List.copyOf(untagged);
    }

    /**
     * Whether the server ends the connection within {@code within}: everything it sends meanwhile
     * is read (and checked); a reset counts as closed.
     */
    boolean closedWithin(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                if (readLine() == null) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true;
            }
        }
    }

    /**
     * Reads every line until the server closes the connection (or resets it, which can swallow
     * its last lines) and returns them; fails when it is still open after {@code within}.
     */
    List<String> linesUntilClosed(Duration within) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("still open after " + within + ", " + lines.size() + " lines read");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            String line;
            try {
                line = readLine();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException e) {
                return lines;
            }
            if (line == null) {
                return lines;
            }
            lines.add(line);
        }
    }

    /** Writes {@code raw}, ignoring a connection the server has already closed. */
    Wire sendQuietly(String raw) {
        try {
            send(raw);
        } catch (IOException e) {
            // the server hung up while the client was still writing: what it read is answered
        }
        return this;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A new client on each plain listener gets the greeting and an answer to NOOP (IMAP, SMTP) or CAPA (POP3). */
    static void assertServes(AttackServer server, String source) throws IOException {
        try (Wire smtp = open(server.port("smtp"), source)) {
            assertTrue(smtp.smtp().startsWith("220 "), "smtp greeting");
            assertTrue(smtp.line("NOOP").smtp().startsWith("250 "), "smtp NOOP");
        }
        try (Wire pop3 = open(server.port("pop3"), source)) {
            assertTrue(pop3.readLine().startsWith("+OK"), "pop3 greeting");
            assertTrue(pop3.line("CAPA").readLine().startsWith("+OK"), "pop3 CAPA");
        }
        try (Wire imap = open(server.port("imap"), source)) {
            assertTrue(imap.readLine().startsWith("* OK"), "imap greeting");
            assertTrue(imap.line("z NOOP").imap("z").startsWith("z OK"), "imap NOOP");
        }
    }
}

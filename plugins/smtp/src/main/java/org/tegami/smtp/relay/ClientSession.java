package org.tegami.smtp.relay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * One SMTP client connection (RFC 5321): the socket, its buffered streams and the reply
 * reader. Only the I/O lives here; {@link SessionSetup} runs the greeting, EHLO, STARTTLS and
 * AUTH, and {@link MessageTransaction} the MAIL/RCPT/DATA exchange. Every reply read has its
 * own timeout. Used by one thread at a time (the {@link SessionPool} hands it over).
 */
public final class ClientSession implements Closeable {

    private static final TaggedLogger LOG = Logger.tag("relay");
    /** RFC 5321 4.5.3.1.5 allows 512 octets per reply line; be generous with broken servers. */
    private static final int MAX_LINE = 8192;

    private final Target target;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private Capabilities capabilities = Capabilities.NONE;
    private boolean secure;
    private long idleSince;

    private ClientSession(Target target, Socket socket) throws IOException {
        this.target = target;
        attach(socket);
    }

    /** Connects; the greeting is not read yet. */
    public static ClientSession connect(Target target, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.address(), target.port()), millis(connectTimeout));
            return new ClientSession(target, socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Replaces the socket (after the TLS handshake); anything buffered before is dropped. */
    void attach(Socket newSocket) throws IOException {
        socket = newSocket;
        in = new BufferedInputStream(newSocket.getInputStream(), 8192);
        out = new BufferedOutputStream(newSocket.getOutputStream(), 64 * 1024);
    }

    Socket socket() {
        return socket;
    }

    public Target target() {
        return target;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    void capabilities(Capabilities caps) {
        capabilities = caps;
    }

    /** Whether STARTTLS succeeded on this connection. */
    public boolean isSecure() {
        return secure;
    }

    void markSecure() {
        secure = true;
    }

    /** Writes a command line without flushing (for pipelining, RFC 2920). */
    public void send(String line) throws IOException {
        send(line, line.startsWith("AUTH "));
    }

    private void send(String line, boolean secret) throws IOException {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} C: {}", target.describe(), secret ? "(credentials)" : line);
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    /** Sends what is buffered in one write (TCP_NODELAY is on). */
    public void flush() throws IOException {
        out.flush();
    }

    /** Sends one command and reads its reply. */
    public RemoteReply command(String line, Duration timeout) throws IOException {
        send(line);
        flush();
        return read(timeout);
    }

    /** Like {@link #command} for a line that must not be logged (SASL responses). */
    public RemoteReply secretCommand(String line, Duration timeout) throws IOException {
        send(line, true);
        flush();
        return read(timeout);
    }

    /** The raw output, for message data; wrap it in a {@link DotStuffer}. */
    public OutputStream output() {
        return out;
    }

    /** Reads one reply, waiting at most {@code timeout} for each line. */
    public RemoteReply read(Duration timeout) throws IOException {
        socket.setSoTimeout(millis(timeout));
        ReplyParser parser = new ReplyParser();
        while (true) {
            String line = readLine();
            RemoteReply reply = parser.accept(line);
            if (reply != null) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} S: {}", target.describe(), reply);
                }
                return reply;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by " + target.describe());
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new ProtocolException("reply line too long from " + target.describe());
            }
            line.write(b);
        }
    }

    /** Whether the connection is idle and old enough to be closed. */
    boolean idleLongerThan(Duration idle, long nowNanos) {
        return nowNanos - idleSince > idle.toNanos();
    }

    void markIdle(long nowNanos) {
        idleSince = nowNanos;
    }

    /** Says QUIT (RFC 5321 4.1.1.10) and closes, never throwing. */
    public void quit() {
        try {
            if (!socket.isClosed()) {
                command("QUIT", Duration.ofSeconds(2));
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("{}: no reply to QUIT", target.describe());
        } catch (IOException e) {
            LOG.debug("{}: QUIT failed: {}", target.describe(), e.getMessage());
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{}: close failed: {}", target.describe(), e.getMessage());
        }
    }

    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}

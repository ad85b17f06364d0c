package org.tegami.system.fault;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain SMTP client over a raw socket, so a test sees exactly which reply each message got
 * (and whether it got one at all before the connection died).
 */
final class SmtpProbe implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SmtpProbe(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        expect(reply(), "220");
        command("EHLO probe.test");
    }

    /**
     * Sends one message; returns the reply to the end of data, or the first refusal on the way
     * (MAIL, RCPT or DATA).
     *
     * @throws IOException when the connection breaks before the final reply
     */
    String send(String from, String to, String message) throws IOException {
        String r = command("MAIL FROM:<" + from + ">");
        if (!r.startsWith("250")) {
            return r;
        }
        r = command("RCPT TO:<" + to + ">");
        if (!r.startsWith("250")) {
            command("RSET");
            return r;
        }
        r = command("DATA");
        if (!r.startsWith("354")) {
            return r;
        }
        StringBuilder data = new StringBuilder(message.length() + 16);
        for (String line : message.split("\r?\n", -1)) {
            data.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        data.append(".\r\n");
        out.write(data.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** A message with the given Subject (also its Message-ID) and about {@code bodyBytes} of body. */
    static String message(String from, String to, String subject, int bodyBytes) {
        StringBuilder b = new StringBuilder();
        b.append("From: <").append(from).append(">\r\nTo: <").append(to).append(">\r\nSubject: ").append(subject)
                .append("\r\nMessage-ID: <").append(subject.replace(' ', '.')).append("@probe.test>\r\n\r\n");
        String line = "0123456789".repeat(7) + "\r\n";
        for (int n = 0; n < bodyBytes; n += line.length()) {
            b.append(line);
        }
        b.append("end of ").append(subject).append("\r\n");
        return b.toString();
    }

    /** Sends one command line; returns the last line of the reply. */
    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** Reads a (possibly multi-line) reply; returns its last line. */
    private String reply() throws IOException {
        while (true) {
            String line = readLine();
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        throw new EOFException("connection closed by the server");
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got: " + reply);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

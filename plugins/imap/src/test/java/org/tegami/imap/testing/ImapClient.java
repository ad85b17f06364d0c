package org.tegami.imap.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw IMAP client for tests: sends lines, reads lines (literals inline, CRLF kept inside). */
public final class ImapClient implements Closeable {

    private final InputStream in;
    private final OutputStream out;
    private final Closeable onClose;

    public ImapClient(InputStream in, OutputStream out, Closeable onClose) {
        this.in = in;
        this.out = out;
        this.onClose = onClose;
    }

    public void send(String line) throws IOException {
        sendRaw(line + "\r\n");
    }

    public void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One response line without CRLF; a literal announced at its end is read and appended. */
    public String readLine() throws IOException {
        String line = rawLine();
        StringBuilder full = new StringBuilder(line);
        while (line.matches("(?s).*\\{\\d+\\}$")) {
            int n = Integer.parseInt(line.substring(line.lastIndexOf('{') + 1, line.length() - 1));
            byte[] literal = in.readNBytes(n);
            full.append("\r\n").append(new String(literal, StandardCharsets.UTF_8));
            line = rawLine();
            full.append(line);
        }
        return full.toString();
    }

    /** A line exactly as sent, literal announcements not followed. */
    public String rawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("server closed the connection; got so far: " + line);
            }
            if (b == '\n' && prev == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            prev = b;
        }
    }

    /** Sends {@code tag command} and returns every response line, the tagged one last. */
    public List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command);
        return readUntilTagged(tag);
    }

    public List<String> readUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** Runs a command and asserts its tagged status is OK. */
    public List<String> ok(String tag, String command) throws IOException {
        List<String> lines = command(tag, command);
        String last = lines.get(lines.size() - 1);
        if (!last.startsWith(tag + " OK")) {
            fail("expected OK for '" + command + "' but got " + lines);
        }
        return lines;
    }

    public String expect(String regex) throws IOException {
        String line = readLine();
        assertTrue(line.matches(regex), "expected /" + regex + "/ but got: " + line);
        return line;
    }

    @Override
    public void close() throws IOException {
        onClose.close();
    }
}

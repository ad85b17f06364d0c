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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain IMAP client over a raw socket: tagged commands, APPEND with a synchronizing literal. */
final class ImapProbe implements Closeable {

    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS$");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<String> untagged = new ArrayList<>();
    private int tag;

    ImapProbe(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String greeting = readLine();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("IMAP greeting: " + greeting);
        }
    }

    /** Sends a command; returns the tagged completion without the tag ({@code OK ...}, {@code NO ...}). */
    String command(String command) throws IOException {
        String t = "t" + (++tag);
        untagged.clear();
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return completion(t);
    }

    /** APPEND with a synchronizing literal; returns the tagged completion without the tag. */
    String append(String folder, byte[] message) throws IOException {
        String t = "t" + (++tag);
        untagged.clear();
        out.write((t + " APPEND " + folder + " {" + message.length + "}\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = readLine();
        if (!line.startsWith("+")) {
            return line.startsWith(t + " ") ? line.substring(t.length() + 1) : line;
        }
        out.write(message);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return completion(t);
    }

    /** The number of messages in a folder, as EXAMINE reports it. */
    int count(String folder) throws IOException {
        String done = command("EXAMINE " + folder);
        if (!done.startsWith("OK")) {
            throw new IOException("EXAMINE " + folder + ": " + done);
        }
        for (String line : untagged) {
            Matcher m = EXISTS.matcher(line);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("no EXISTS in the answer to EXAMINE " + folder + ": " + untagged);
    }

    private String completion(String t) throws IOException {
        while (true) {
            String line = readLine();
            if (line.startsWith(t + " ")) {
                return line.substring(t.length() + 1);
            }
            untagged.add(line);
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

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

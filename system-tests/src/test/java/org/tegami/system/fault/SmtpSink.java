package org.tegami.system.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A remote mail server for the relay to talk to: answers SMTP plainly and records the Subject
 * of every message it accepted. While {@link #refuse(boolean) refusing} it answers MAIL with a
 * temporary {@code 451}, so the relay defers and tries again later.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "smtp-sink");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** Subjects of the messages accepted so far, one entry per accepted copy. */
    List<String> received() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "smtp-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = s.getOutputStream();
            reply(out, "220 sink.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 sink.test");
                    case "MAIL" -> reply(out, refusing ? "451 4.3.0 try again later" : "250 2.1.0 ok");
                    case "RCPT", "RSET", "NOOP" -> reply(out, "250 2.0.0 ok");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String subject = null;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (subject == null && line.startsWith("Subject: ")) {
                                subject = line.substring("Subject: ".length()).strip();
                            }
                        }
                        received.add(String.valueOf(subject));
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.1 not here");
                }
            }
        } catch (IOException e) {
            // the relay hung up
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package org.tegami.smtp.relay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP server for tests, on a loopback address: answers per {@link Script}, records
 * the transcript, and keeps each message's DATA bytes as they came over the wire and
 * un-stuffed. One thread per connection.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** How the server answers; change it before the client connects. */
    static final class Script {
        String name = "mx.test";
        List<String> extensions = List.of("PIPELINING", "8BITMIME", "SIZE 10485760", "DSN", "SMTPUTF8", "ENHANCEDSTATUSCODES");
        String greeting = "220 mx.test ESMTP ready";
        boolean ehloUnknown;
        boolean silent;
        SSLContext tls;
        String authUser;
        String authPassword;
        String mailReply = "250 2.1.0 sender ok";
        String rcptReply = "250 2.1.5 recipient ok";
        final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
        String dataReply = "354 go ahead";
        String doneReply = "250 2.0.0 queued";
        boolean countOnly;
        boolean brokenTls;
        boolean stallInData;

        Script name(String n) { name = n; greeting = "220 " + n + " ESMTP ready"; return this; }
        Script extensions(String... e) { extensions = List.of(e); return this; }
        Script greeting(String g) { greeting = g; return this; }
        Script ehloUnknown() { ehloUnknown = true; return this; }
        Script silent() { silent = true; return this; }
        Script tls(SSLContext c) { tls = c; return this; }
        Script auth(String user, String password) { authUser = user; authPassword = password; return this; }
        Script mailReply(String r) { mailReply = r; return this; }
        Script rcpt(String address, String reply) { rcptReplies.put(address.toLowerCase(Locale.ROOT), reply); return this; }
        Script doneReply(String r) { doneReply = r; return this; }
        /** Keeps no transcript and no messages, only {@link #delivered()}: for benchmarks. */
        Script countOnly() { countOnly = true; return this; }
        /** Offers STARTTLS, says 220 to it, then answers the handshake with plain text. */
        Script brokenTls() { brokenTls = true; return this; }
        /** Says 354 to DATA and then stops reading. */
        Script stallInData() { stallInData = true; return this; }
    }

    /**
     * One message as received.
     *
     * @param mailFrom the MAIL command line
     * @param rcptTo the RCPT command lines of accepted recipients
     * @param wire the DATA bytes up to and including the final {@code .CRLF}
     * @param content the DATA bytes without the final dot, dots un-stuffed
     * @param tls whether the session was encrypted
     * @param authUser the user that logged in, or {@code null}
     * @param connection the number of the connection it came on, from 1
     */
    record Received(String mailFrom, List<String> rcptTo, byte[] wire, byte[] content, boolean tls, String authUser,
            int connection) {
        String contentText() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Received> messages = new CopyOnWriteArrayList<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();

    private ScriptedSmtpServer(ServerSocket server, Script script) {
        this.server = server;
        this.script = script;
        Thread t = new Thread(this::acceptLoop, "scripted-smtp-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Listens on {@code address:port} (port 0 for any). */
    static ScriptedSmtpServer start(String address, int port, Script script) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(address), port), 50);
        return new ScriptedSmtpServer(s, script);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Received> messages() {
        return List.copyOf(messages);
    }

    List<String> transcript() {
        return List.copyOf(transcript);
    }

    /** Client lines of the transcript, without the connection prefix. */
    List<String> commands() {
        return transcript.stream().filter(l -> l.contains(" C: ")).map(l -> l.substring(l.indexOf(" C: ") + 4)).toList();
    }

    int connections() {
        return connections.get();
    }

    /** Messages accepted so far. */
    int delivered() {
        return delivered.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                // Replies go out one write each; without this Nagle waits for the client's delayed ACK.
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                int number = connections.incrementAndGet();
                Thread t = new Thread(() -> session(socket, number), "scripted-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket, int number) {
        try (Socket s = socket) {
            new Session(s, number).run();
        } catch (IOException e) {
            transcript.add(number + " closed: " + e.getMessage());
        }
    }

    /** The state of one connection. */
    private final class Session {
        private final int number;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean secure;
        private String user;
        private String mailFrom;
        private final List<String> rcpts = new ArrayList<>();

        Session(Socket socket, int number) throws IOException {
            this.number = number;
            use(socket);
        }

        private void use(Socket s) throws IOException {
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        void run() throws IOException {
            if (script.silent) {
                while (in.read() >= 0) {
                    // say nothing until the client gives up
                }
                return;
            }
            reply(script.greeting);
            String line;
            while ((line = readLine()) != null) {
                log(number + " C: " + (line.startsWith("AUTH") ? "AUTH ..." : line));
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> ehlo();
                    case "HELO" -> reply("250 " + script.name);
                    case "STARTTLS" -> startTls();
                    case "AUTH" -> auth(line);
                    case "MAIL" -> {
                        mailFrom = line;
                        rcpts.clear();
                        reply(script.mailReply);
                    }
                    case "RCPT" -> rcpt(line);
                    case "DATA" -> data();
                    case "RSET", "NOOP" -> {
                        mailFrom = null;
                        rcpts.clear();
                        reply("250 2.0.0 ok");
                    }
                    case "QUIT" -> {
                        reply("221 2.0.0 bye");
                        return;
                    }
                    default -> reply("500 5.5.1 unknown command");
                }
            }
        }

        private void ehlo() throws IOException {
            if (script.ehloUnknown) {
                reply("500 5.5.1 command not recognized");
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add(script.name);
            lines.addAll(script.extensions);
            if ((script.tls != null || script.brokenTls) && !secure) {
                lines.add("STARTTLS");
            }
            if (script.authUser != null && secure) {
                lines.add("AUTH PLAIN LOGIN");
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                b.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
            }
            write(b.toString());
        }

        private void startTls() throws IOException {
            if (script.brokenTls) {
                reply("220 2.0.0 go ahead");
                reply("421 4.7.0 not really");
                throw new IOException("TLS broken on purpose");
            }
            if (script.tls == null || secure) {
                reply("502 5.5.1 no TLS here");
                return;
            }
            reply("220 2.0.0 go ahead");
            SSLSocket ssl = (SSLSocket) script.tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            ssl.setUseClientMode(false);
            ssl.startHandshake();
            use(ssl);
            secure = true;
            log(number + " TLS " + ssl.getSession().getProtocol());
        }

        private void auth(String line) throws IOException {
            String[] words = line.split(" ");
            String login;
            String password;
            if (words.length >= 3 && words[1].equalsIgnoreCase("PLAIN")) {
                String[] parts = new String(Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8).split("\0", -1);
                login = parts[1];
                password = parts[2];
            } else if (words.length == 2 && words[1].equalsIgnoreCase("LOGIN")) {
                reply("334 VXNlcm5hbWU6");
                login = decode(readLine());
                reply("334 UGFzc3dvcmQ6");
                password = decode(readLine());
            } else {
                reply("504 5.5.4 mechanism not supported");
                return;
            }
            if (secure && login.equals(script.authUser) && password.equals(script.authPassword)) {
                user = login;
                reply("235 2.7.0 authenticated");
            } else {
                reply("535 5.7.8 authentication credentials invalid");
            }
        }

        private void rcpt(String line) throws IOException {
            String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
            String r = script.rcptReplies.getOrDefault(address, script.rcptReply);
            if (r.startsWith("2")) {
                rcpts.add(line);
            }
            reply(r);
        }

        private void data() throws IOException {
            if (mailFrom == null || rcpts.isEmpty()) {
                reply("554 5.5.1 no valid recipients");
                return;
            }
            reply(script.dataReply);
            while (script.stallInData && !socket.isClosed()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                byte[] raw = readRawLine();
                if (raw == null) {
                    throw new IOException("connection closed in DATA");
                }
                wire.write(raw);
                if (raw.length == 3 && raw[0] == '.' && raw[1] == '\r' && raw[2] == '\n') {
                    break;
                }
                int skip = raw.length > 0 && raw[0] == '.' ? 1 : 0;
                content.write(raw, skip, raw.length - skip);
            }
            delivered.incrementAndGet();
            if (!script.countOnly) {
                messages.add(new Received(mailFrom, List.copyOf(rcpts), wire.toByteArray(), content.toByteArray(), secure, user,
                        number));
            }
            mailFrom = null;
            rcpts.clear();
            reply(script.doneReply);
        }

        private String decode(String base64) {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        }

        private void reply(String line) throws IOException {
            write(line + "\r\n");
        }

        private void write(String text) throws IOException {
            for (String l : text.split("\r\n")) {
                log(number + " S: " + l);
            }
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private String readLine() throws IOException {
            byte[] raw = readRawLine();
            if (raw == null) {
                return null;
            }
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
                end--;
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        }

        private byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }
    }

    /** Closes every open connection but keeps listening, like a server restart. */
    void dropConnections() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void log(String line) {
        if (!script.countOnly) {
            transcript.add(line);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}

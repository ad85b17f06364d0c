package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Plays an SMTP transcript against a server over a raw socket. Lines:
 * <pre>
 * # comment
 * L: smtp          the endpoint to connect to (first line; default smtp)
 * C: EHLO x        a command line, CRLF added; consecutive C:/R: lines leave in one write (pipelining)
 * R: a\nb\r\n      raw bytes with \r \n \t \\ escapes, nothing added
 * S: 250 .*        the next server line must match this regex (whole line)
 * M: 250 .*        skip continuation lines ({@code 250-...}); the reply's last line must match
 * T:               start TLS as the client (after the server's 220 to STARTTLS)
 * E:               the server must close the connection now
 * </pre>
 */
public final class TranscriptRunner {

    private final ToIntFunction<String> ports;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @param ports the port of each endpoint name */
    public TranscriptRunner(ToIntFunction<String> ports) {
        this.ports = ports;
    }

    public void run(Path transcript) throws Exception {
        run(Files.readAllLines(transcript, StandardCharsets.UTF_8), transcript.getFileName().toString());
    }

    /** Plays transcript lines; {@code name} is used in failure messages. */
    public void run(List<String> lines, String name) throws Exception {
        String endpoint = lines.stream().filter(l -> l.startsWith("L: ")).map(l -> l.substring(3).strip()).findFirst().orElse("smtp");
        int port = ports.applyAsInt(endpoint);
        boolean implicitTls = endpoint.equals("smtps");
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        if (implicitTls) {
            clientTls();
        } else {
            streams();
        }
        try {
            int number = 0;
            for (String line : lines) {
                number++;
                step(line, name + ":" + number);
            }
            send();
        } finally {
            socket.close();
        }
    }

    private void step(String line, String where) throws Exception {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("L:")) {
            return;
        }
        String body = line.length() > 3 ? line.substring(3) : "";
        switch (line.substring(0, 2)) {
            case "C:" -> pending.write((body + "\r\n").getBytes(StandardCharsets.UTF_8));
            case "R:" -> pending.write(unescape(body).getBytes(StandardCharsets.UTF_8));
            case "S:" -> {
                send();
                String got;
                try {
                    got = in.readLine();
                } catch (SocketTimeoutException e) {
                    got = "(no reply in time)";
                }
                String actual = got;
                assertTrue(actual != null && Pattern.compile(body).matcher(actual).matches(),
                        () -> where + ": expected /" + body + "/ but got " + actual);
            }
            case "M:" -> {
                send();
                String got = in.readLine();
                while (got != null && got.length() > 3 && got.charAt(3) == '-') {
                    got = in.readLine();
                }
                String actual = got;
                assertTrue(actual != null && Pattern.compile(body).matcher(actual).matches(),
                        () -> where + ": expected a reply ending /" + body + "/ but got " + actual);
            }
            case "T:" -> {
                send();
                clientTls();
            }
            case "E:" -> {
                send();
                String got = in.readLine();
                assertEquals(null, got, where + ": expected the server to close");
            }
            default -> fail(where + ": unknown transcript line " + line);
        }
    }

    private void send() throws IOException {
        if (pending.size() > 0) {
            out.write(pending.toByteArray());
            out.flush();
            pending.reset();
        }
    }

    private void streams() throws IOException {
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    private void clientTls() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        socket = ssl;
        streams();
    }

    static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }

    /** A client trusting the test server's self-signed certificate. */
    public static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

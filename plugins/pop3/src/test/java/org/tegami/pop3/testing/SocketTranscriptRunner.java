package org.tegami.pop3.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.tegami.testing.SelfSignedTlsProvider;

/**
 * Runs a {@link Transcript} over TCP: consecutive client lines leave in one write (pipelined),
 * each server line is read and matched as it comes, {@code TLS} makes the client handshake.
 */
public final class SocketTranscriptRunner {

    private SocketTranscriptRunner() {
    }

    public static void run(Transcript transcript, int port) throws Exception {
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
            plain.setSoTimeout(10_000);
            InputStream in = plain.getInputStream();
            OutputStream out = plain.getOutputStream();
            StringBuilder seen = new StringBuilder();
            for (Transcript.Step step : transcript.steps()) {
                if (step instanceof Transcript.Send send) {
                    StringBuilder batch = new StringBuilder();
                    send.lines().forEach(line -> batch.append(line).append("\r\n"));
                    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else if (step instanceof Transcript.Expect expect) {
                    String line = readLine(in);
                    assertNotNull(line, transcript.name() + ":" + expect.sourceLine() + ": connection closed, wanted "
                            + expect.line() + "\n" + seen);
                    seen.append(line).append('\n');
                    assertTrue(expect.line().matcher(line).matches(), transcript.name() + ":" + expect.sourceLine()
                            + ": wanted " + expect.line() + " got " + line + "\n" + seen);
                } else if (step instanceof Transcript.StartTls) {
                    SSLSocket ssl = (SSLSocket) SelfSignedTlsProvider.trustingClientContext().getSocketFactory().createSocket(plain, "localhost", port,
                            true);
                    ssl.setUseClientMode(true);
                    ssl.startHandshake();
                    in = ssl.getInputStream();
                    out = ssl.getOutputStream();
                } else if (step instanceof Transcript.Closed closed) {
                    assertEquals(null, readLineOrEof(in), transcript.name() + ":" + closed.sourceLine()
                            + ": server did not close\n" + seen);
                }
            }
        }
    }

    private static String readLineOrEof(InputStream in) {
        try {
            return readLine(in);
        } catch (IOException e) {
            // a reset after the server's close counts as closed
            return null;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }
}

package org.tegami.core.net;

import static org.tegami.core.net.HandlerLines.readLine;
import static org.tegami.core.net.HandlerLines.send;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tegami.api.Connection;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;

/**
 * A line protocol for the tests: greets, answers {@code 250 <line>}, upgrades on
 * {@code STARTTLS}, sends three lines on {@code MULTI}, reports the session state on
 * {@code INFO}, writes without end on {@code FLOOD}, and ends on {@code QUIT}. Records every line it read.
 */
final class EchoHandler implements ProtocolHandler {

    final List<String> linesSeen = new CopyOnWriteArrayList<>();
    final List<Integer> discarded = new CopyOnWriteArrayList<>();

    @Override
    public List<ListenerSpec> listeners() {
        return List.of(new ListenerSpec("echo", "127.0.0.1:0", false));
    }

    @Override
    public String busyReply() {
        return "421 busy";
    }

    @Override
    public void serve(Connection connection) throws IOException {
        InputStream in = connection.input();
        OutputStream out = connection.output();
        send(out, "220 echo ready");
        String line;
        while ((line = readLine(in)) != null) {
            linesSeen.add(line);
            switch (line) {
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                case "STARTTLS" -> {
                    send(out, "220 go ahead");
                    discarded.add(connection.startTls());
                }
                case "FLOOD" -> {
                    byte[] chunk = new byte[1 << 20];
                    while (true) {
                        out.write(chunk);
                        out.flush();
                    }
                }
                case "THREAD" -> send(out, "250 " + Thread.currentThread());
                case "MULTI" -> {
                    out.write("250-one\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write("250-two\r\n".getBytes(StandardCharsets.US_ASCII));
                    send(out, "250 three");
                }
                case "INFO" -> send(out, "250 secure=" + connection.isSecure() + " "
                        + connection.tlsInfo().map(Connection.TlsInfo::protocol).orElse("none")
                        + " loopback=" + connection.isLoopback());
                default -> send(out, "250 " + line);
            }
        }
    }
}

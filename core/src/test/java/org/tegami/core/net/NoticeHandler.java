package org.tegami.core.net;

import static org.tegami.core.net.HandlerLines.readLine;
import static org.tegami.core.net.HandlerLines.send;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.tegami.api.Connection;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;

/**
 * A line protocol for the stop tests that marks its wait for each command, as the mail
 * protocols do: greets, answers {@code 250 <line>}, works {@code SLOW <millis>} before it
 * answers, upgrades on {@code STARTTLS}, ends on {@code QUIT}, and says {@code 421 stopping}
 * when the host ends it between commands.
 */
final class NoticeHandler implements ProtocolHandler {

    @Override
    public List<ListenerSpec> listeners() {
        return List.of(new ListenerSpec("notice", "127.0.0.1:0", false));
    }

    @Override
    public void serve(Connection connection) throws IOException {
        InputStream in = connection.input();
        OutputStream out = connection.output();
        send(out, "220 ready");
        while (true) {
            if (!connection.awaitCommand()) {
                send(out, "421 stopping");
                return;
            }
            String line = readLine(in);
            if (!connection.commandReceived()) {
                send(out, "421 stopping");
                return;
            }
            if (line == null) {
                return;
            }
            if (line.equals("QUIT")) {
                send(out, "221 bye");
                return;
            } else if (line.equals("STARTTLS")) {
                send(out, "220 go ahead");
                connection.startTls();
            } else if (line.startsWith("SLOW ")) {
                try {
                    Thread.sleep(Long.parseLong(line.substring(5)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(out, "250 done");
            } else {
                send(out, "250 " + line);
            }
        }
    }
}

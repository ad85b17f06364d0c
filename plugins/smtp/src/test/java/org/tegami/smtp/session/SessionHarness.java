package org.tegami.smtp.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tegami.smtp.command.CommandTable;
import org.tegami.smtp.fake.FakeConnection;
import org.tegami.smtp.fake.FakeServer;

/** Runs a session over a fake connection and splits what it sent into replies. */
final class SessionHarness {

    final FakeServer server = new FakeServer();
    SmtpConfig config = SmtpConfig.defaults();
    FakeConnection connection;

    /** Runs the whole session; returns the last line of each reply, in order. */
    List<String> run(FakeConnection c) throws IOException {
        this.connection = c;
        new SmtpSession(config, server, c, CommandTable.forRole(ListenerRole.of(c.listenerName()))).run();
        return replies(c.sent());
    }

    /** Runs a plaintext MX session from a remote client with these CRLF-joined lines. */
    List<String> mx(String... lines) throws IOException {
        return run(FakeConnection.mx(crlf(lines)));
    }

    static String crlf(String... lines) {
        return lines.length == 0 ? "" : String.join("\r\n", lines) + "\r\n";
    }

    static List<String> replies(String output) {
        List<String> replies = new ArrayList<>();
        for (String line : output.split("\r\n")) {
            if (line.length() >= 4 && line.charAt(3) == ' ') {
                replies.add(line);
            }
        }
        return replies;
    }
}

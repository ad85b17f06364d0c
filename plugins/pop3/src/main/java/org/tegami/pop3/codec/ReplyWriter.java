package org.tegami.pop3.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes {@link Pop3Reply}s: the status line, a dot-stuffed multi-line body ending in
 * {@code .CRLF}, all written to the connection's buffered output and flushed once per
 * response, so that a reply leaves in as few segments as the socket allows (no delayed-ACK
 * stall between its lines).
 */
public final class ReplyWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] TERMINATOR = {'.', '\r', '\n'};

    private final OutputStream out;

    public ReplyWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the whole reply and flushes; closes a message body's stream, also on failure. */
    public void write(Pop3Reply reply) throws IOException {
        InputStream message = reply.body() instanceof Pop3Reply.Body.Message m ? m.content() : null;
        try (message) {
            out.write(statusLine(reply).getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
            if (reply.body() instanceof Pop3Reply.Body.Lines lines) {
                for (String line : lines.lines()) {
                    if (line.startsWith(".")) {
                        out.write('.');
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write(CRLF);
                }
                out.write(TERMINATOR);
            } else if (message != null) {
                new MessageStreamer(out).copy(message, ((Pop3Reply.Body.Message) reply.body()).bodyLines());
                out.write(TERMINATOR);
            }
            out.flush();
        }
    }

    /** The first line of a reply, without CRLF. */
    static String statusLine(Pop3Reply reply) {
        return switch (reply.status()) {
            case CONTINUE -> "+ " + reply.text();
            case OK -> reply.text().isEmpty() ? "+OK" : "+OK " + reply.text();
            case ERR -> "-ERR" + (reply.code() == null ? "" : " [" + reply.code() + "]")
                    + (reply.text().isEmpty() ? "" : " " + reply.text());
        };
    }
}

package org.tegami.smtp.codec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes replies to the connection's buffered output. Each reply goes into the buffer whole;
 * the session flushes when it is about to wait for the client, so pipelined replies (RFC 2920)
 * and multi-line replies leave in one write and never wait for a delayed ACK.
 */
public final class ReplyWriter {

    private final OutputStream out;
    private boolean pending;

    public ReplyWriter(OutputStream out) {
        this.out = out;
    }

    /** Buffers a whole reply. */
    public void write(SmtpReply reply) throws IOException {
        out.write(reply.encode());
        pending = true;
    }

    /** Sends what is buffered, if anything. */
    public void flush() throws IOException {
        if (pending) {
            pending = false;
            out.flush();
        }
    }

    public boolean hasPending() {
        return pending;
    }
}

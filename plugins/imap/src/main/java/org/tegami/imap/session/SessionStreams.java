package org.tegami.imap.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The byte streams a session reads commands from and writes responses to: the connection's
 * own, until COMPRESS (RFC 4978) puts raw DEFLATE (RFC 1951) on both directions. Every flush
 * of the output is a sync flush, so what the session flushed reaches the client whole (IDLE
 * updates too). The deflater and inflater hold some 300 KiB of native memory between them;
 * {@link #close} frees it.
 */
final class SessionStreams {

    private final InputStream connectionInput;
    private final OutputStream connectionOutput;
    private final Input input = new Input();
    private final Output output = new Output();
    private Deflater deflater;
    private Inflater inflater;

    SessionStreams(InputStream connectionInput, OutputStream connectionOutput) {
        this.connectionInput = connectionInput;
        this.connectionOutput = connectionOutput;
        input.source = connectionInput;
        output.sink = connectionOutput;
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    boolean compressing() {
        return deflater != null;
    }

    /**
     * Compresses from now on: call after the tagged OK went out and was flushed. Bytes the
     * client sent after its COMPRESS line (it should wait, but may not) are already compressed
     * and are read through the inflater, as the connection still holds them.
     */
    void startDeflate() {
        deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        inflater = new Inflater(true);
        output.sink = new DeflaterOutputStream(connectionOutput, deflater, 8192, true);
        input.source = new InflaterInputStream(connectionInput, inflater, 8192);
    }

    /** Frees the native memory of the compression, if any. */
    void close() {
        if (deflater != null) {
            deflater.end();
            inflater.end();
        }
    }

    /** Reads from the present source. */
    private static final class Input extends InputStream {
        private volatile InputStream source;

        @Override
        public int read() throws IOException {
            return source.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return source.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return source.available();
        }
    }

    /** Writes to the present sink. */
    private static final class Output extends OutputStream {
        private volatile OutputStream sink;

        @Override
        public void write(int b) throws IOException {
            sink.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sink.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            sink.flush();
        }
    }
}

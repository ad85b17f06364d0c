package org.tegami.imap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/** A one-way in-memory byte channel: what is written to {@link #output()} is read from {@link #input()}. */
public final class BytePipe {

    private final byte[] buffer = new byte[1 << 20];
    private int head;
    private int size;
    private boolean closed;
    private final long timeoutMillis;

    public BytePipe(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                synchronized (BytePipe.this) {
                    long deadline = System.currentTimeMillis() + timeoutMillis;
                    while (size == 0 && !closed) {
                        long left = deadline - System.currentTimeMillis();
                        if (left <= 0) {
                            throw new SocketTimeoutException("pipe read timed out");
                        }
                        try {
                            BytePipe.this.wait(left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException();
                        }
                    }
                    if (size == 0) {
                        return -1;
                    }
                    int n = Math.min(len, size);
                    for (int i = 0; i < n; i++) {
                        b[off + i] = buffer[(head + i) % buffer.length];
                    }
                    head = (head + n) % buffer.length;
                    size -= n;
                    BytePipe.this.notifyAll();
                    return n;
                }
            }
        };
    }

    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (BytePipe.this) {
                    for (int i = 0; i < len; i++) {
                        while (size == buffer.length) {
                            if (closed) {
                                throw new java.net.SocketException("pipe closed");
                            }
                            try {
                                BytePipe.this.wait(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException();
                            }
                        }
                        if (closed) {
                            throw new java.net.SocketException("pipe closed");
                        }
                        buffer[(head + size) % buffer.length] = b[off + i];
                        size++;
                    }
                    BytePipe.this.notifyAll();
                }
            }
        };
    }
}

package org.tegami.imap.decode;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole commands from the client: lines and the literals they announce (RFC 3501 4.3,
 * {@code {n}} synchronising, {@code {n+}} non-synchronising, RFC 7888). Enforces the line,
 * literal and command-size limits; a synchronising literal over the limit is refused before
 * the client sends it ({@code TOOBIG}), a non-synchronising one is fatal (RFC 7888 4).
 * Accepts bare LF as line end, as most servers do. Not thread-safe.
 */
public final class CommandReader {

    /** Asks the client for a synchronising literal ({@code + Ready}); returns after flushing. */
    public interface Continuation {
        void sendContinuation() throws IOException;
    }

    private final InputStream in;
    private Limits limits;
    /** The start of the last line skipped for being too long, to answer with its tag. */
    private byte[] skippedPrefix = new byte[0];

    /**
     * @param maxLine the longest line (without literals)
     * @param maxLiteral the largest single literal
     * @param maxCommand the largest whole command, literals included
     * @param spoolAbove literals larger than this go to a temporary file instead of memory
     */
    public record Limits(int maxLine, long maxLiteral, long maxCommand, long spoolAbove) {

        public Limits(int maxLine, long maxLiteral, long maxCommand) {
            this(maxLine, maxLiteral, maxCommand, 1024 * 1024);
        }
    }

    public CommandReader(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** Applies other limits from the next command on (the session widens them at login). */
    public void limits(Limits next) {
        this.limits = next;
    }

    /**
     * Reads the next command.
     *
     * @throws EOFException when the client closed the connection between commands
     * @throws BadCommandException for a line or literal over the limits (the rest of that command
     *     has been skipped unless {@link BadCommandException#fatal()})
     */
    public CommandLine read(Continuation continuation) throws IOException, BadCommandException {
        ByteArrayOutputStream command = new ByteArrayOutputStream(128);
        java.util.Map<Integer, LiteralContent.Spooled> spooled = new java.util.HashMap<>();
        long total = 0;
        boolean first = true;
        try {
            while (true) {
                byte[] line = readLine(first);
                first = false;
                if (line == null) {
                    byte[] start = command.size() > 0 ? command.toByteArray() : skippedPrefix;
                    throw new BadCommandException(guessTag(start), null, "Line too long", false);
                }
                command.write(line, 0, line.length);
                total += line.length;
                Literal literal = Literal.at(line);
                if (literal == null) {
                    return new CommandLine(command.toByteArray(), spooled);
                }
                String tag = guessTag(command.toByteArray());
                if (literal.length() > limits.maxLiteral() || total + literal.length() > limits.maxCommand()) {
                    throw new BadCommandException(tag, "TOOBIG", "Literal too large", literal.nonSync());
                }
                if (!literal.nonSync()) {
                    continuation.sendContinuation();
                }
                command.write('\r');
                command.write('\n');
                total += 2 + literal.length();
                if (literal.length() > limits.spoolAbove()) {
                    spooled.put(command.size(), spool(literal.length()));
                } else {
                    copyExactly(literal.length(), command);
                }
            }
        } catch (IOException | BadCommandException | RuntimeException e) {
            new CommandLine(new byte[0], spooled).discard();
            throw e;
        }
    }

    /** Writes a large literal to a temporary file (deleted when its command is discarded). */
    private LiteralContent.Spooled spool(long length) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tegami-imap-literal", ".tmp");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            copyExactly(length, out);
        } catch (IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(file);
            throw e;
        }
        return new LiteralContent.Spooled(file, length);
    }

    /**
     * Reads one line without its terminator, for AUTHENTICATE responses and IDLE's DONE.
     *
     * @return the line, or {@code null} if it was longer than the line limit (it was skipped)
     */
    public byte[] readLine(boolean eofAllowedAtStart) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowedAtStart && line.size() == 0 && !tooLong) {
                    throw new EOFException("client closed the connection");
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                if (tooLong) {
                    return null;
                }
                byte[] bytes = line.toByteArray();
                int len = bytes.length;
                if (len > 0 && bytes[len - 1] == '\r') {
                    return java.util.Arrays.copyOf(bytes, len - 1);
                }
                return bytes;
            }
            if (!tooLong) {
                line.write(b);
                if (line.size() > limits.maxLine() + 1) {
                    tooLong = true;
                    byte[] bytes = line.toByteArray();
                    skippedPrefix = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 80));
                    line.reset();
                }
            }
        }
    }

    private void copyExactly(long length, java.io.OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a literal");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The tag of a partly read command, if it has one worth echoing. */
    static String guessTag(byte[] command) {
        int end = 0;
        while (end < command.length && end < 64 && CharClass.isTagChar(command[end])) {
            end++;
        }
        if (end == 0 || (end < command.length && command[end] != ' ')) {
            return null;
        }
        return new String(command, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A literal announcement at the end of a line. */
    record Literal(long length, boolean nonSync) {

        static Literal at(byte[] line) {
            int end = line.length - 1;
            if (end < 2 || line[end] != '}') {
                return null;
            }
            int i = end - 1;
            boolean nonSync = line[i] == '+';
            if (nonSync) {
                i--;
            }
            int digitsEnd = i;
            while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
                i--;
            }
            if (i < 0 || line[i] != '{' || i == digitsEnd || digitsEnd - i > 18) {
                return null;
            }
            long n = Long.parseLong(new String(line, i + 1, digitsEnd - i, java.nio.charset.StandardCharsets.US_ASCII));
            return new Literal(n, nonSync);
        }
    }
}

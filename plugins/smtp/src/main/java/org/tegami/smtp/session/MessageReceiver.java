package org.tegami.smtp.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.ZonedDateTime;
import org.tegami.api.Envelope;
import org.tegami.api.InsufficientStorageException;
import org.tegami.smtp.codec.ChunkReader;
import org.tegami.smtp.codec.CommandLine;
import org.tegami.smtp.codec.DataReader;
import org.tegami.smtp.codec.DataRejectedException;
import org.tegami.smtp.codec.LineReader;
import org.tegami.smtp.codec.ReplyWriter;
import org.tegami.smtp.codec.Request;
import org.tegami.smtp.codec.RequestParser;
import org.tegami.smtp.codec.SmtpReply;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Streams a message from the client straight into the spool ({@code Intake.accept}), with our
 * {@code Received:} header on top; nothing is held in memory whole. Refused content (bare CR or
 * LF, too big) makes the stream throw inside {@code accept}, so the spool stores nothing; the
 * rest of the client's data is then read and dropped and the refusal answered. {@code 250}
 * comes only after {@code accept} has returned, that is after the fsync. Not thread-safe.
 */
final class MessageReceiver {

    private static final TaggedLogger LOG = Logger.tag("smtp");

    /** Reads the client's next command line. */
    @FunctionalInterface
    interface CommandSource {
        CommandLine read() throws IOException;
    }

    /**
     * How a BDAT sequence ended.
     *
     * @param reply the reply to send, or {@code null} when the sequence was interrupted
     * @param interruptedBy the command line that broke the sequence off, to be handled next, or {@code null}
     */
    record ChunkOutcome(SmtpReply reply, CommandLine interruptedBy) {
    }

    private final SessionContext context;
    private final LineReader reader;
    private final ReplyWriter writer;
    private final CommandSource commands;

    MessageReceiver(SessionContext context, LineReader reader, ReplyWriter writer, CommandSource commands) {
        this.context = context;
        this.reader = reader;
        this.writer = writer;
        this.commands = commands;
    }

    /** Reads DATA content (after the 354) into the spool; returns the final reply. */
    SmtpReply receiveData() throws IOException {
        SmtpConfig config = context.config();
        DataReader data = new DataReader(reader, config.maxSize(), config.maxLineLength());
        try {
            String id = store(data);
            if (!data.finished()) {
                LOG.error("The spool returned before reading the whole message; the rest is dropped");
                data.drain();
            }
            return accepted(id);
        } catch (IOException | RuntimeException e) {
            if (data.clientFailed()) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            data.drain();
            return failure(data.rejection(), e);
        } finally {
            context.reset();
        }
    }

    /** Reads a BDAT sequence, starting with its first chunk, into the spool. */
    ChunkOutcome receiveChunks(ChunkReader.Chunk first) throws IOException {
        SmtpConfig config = context.config();
        ChunkSequence sequence = new ChunkSequence(first.size());
        ChunkReader chunks = new ChunkReader(reader, config.maxSize(), config.maxLineLength(), first, sequence);
        try {
            return new ChunkOutcome(accepted(store(chunks)), null);
        } catch (IOException | RuntimeException e) {
            if (chunks.clientFailed() || sequence.clientGone) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            if (sequence.interruptedBy != null) {
                return new ChunkOutcome(null, sequence.interruptedBy);
            }
            chunks.drainChunk();
            return new ChunkOutcome(failure(chunks.rejection(), e), null);
        } finally {
            context.reset();
        }
    }

    /** Reads and drops the octets of a refused BDAT chunk. */
    void skip(long size) throws IOException {
        byte[] scratch = new byte[8192];
        long remaining = size;
        while (remaining > 0) {
            int n = reader.read(scratch, 0, (int) Math.min(scratch.length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed within a BDAT chunk");
            }
            remaining -= n;
        }
    }

    private String store(InputStream content) throws IOException {
        Envelope envelope = context.transaction().envelope(context.origin());
        String hostname = context.server().hostname();
        ByteArrayOutputStream header = new ByteArrayOutputStream(512);
        header.writeBytes(ReceivedHeader.build(context, hostname, ZonedDateTime.now()));
        Transaction t = context.transaction();
        t.spf().ifPresent(spf -> header.writeBytes(
                AuthenticationResultsHeader.spf(hostname, spf, t.sender(), context.heloName())));
        return context.server().intake().accept(envelope,
                new SequenceInputStream(new ByteArrayInputStream(header.toByteArray()), new ForgedResultsFilter(content, hostname)));
    }

    private SmtpReply accepted(String id) {
        context.messageAccepted();
        LOG.debug("Accepted {} from {} for {} recipients", id, context.transaction().sender(), context.transaction().recipientCount());
        return SmtpReply.of(250, "2.0.0", "Ok: queued as " + id);
    }

    private SmtpReply failure(DataRejectedException rejection, Exception cause) {
        if (rejection != null) {
            LOG.info("Message from {} refused: {}", context.clientAddress().getHostAddress(), rejection.reply());
            return rejection.reply();
        }
        if (cause instanceof InsufficientStorageException) {
            LOG.warn("The spool could not take a message from {}: {}", context.clientAddress().getHostAddress(),
                    cause.getMessage());
            return SmtpReply.of(452, "4.3.1", "Insufficient system storage, try again later");
        }
        LOG.warn(cause, "The spool could not take a message from {}", context.clientAddress().getHostAddress());
        return SmtpReply.of(451, "4.3.0", "Could not store the message, try again later");
    }

    /** Answers each chunk and reads the next BDAT command (RFC 3030 2). */
    private final class ChunkSequence implements ChunkReader.ChunkSource {
        private long lastSize;
        private CommandLine interruptedBy;
        private boolean clientGone;

        ChunkSequence(long firstSize) {
            this.lastSize = firstSize;
        }

        @Override
        public ChunkReader.Chunk next() throws IOException {
            writer.write(SmtpReply.of(250, "2.0.0", lastSize + " octets received"));
            while (true) {
                CommandLine line;
                try {
                    line = commands.read();
                } catch (IOException e) {
                    clientGone = true;
                    throw e;
                }
                if (line == null) {
                    clientGone = true;
                    throw new EOFException("connection closed between BDAT chunks");
                }
                Request request = line.problem() == null ? RequestParser.parse(line.text()) : null;
                if (request != null && request.verb().equals("NOOP")) {
                    writer.write(SmtpReply.of(250, "2.0.0", "Ok"));
                    continue;
                }
                ChunkReader.Chunk chunk = request != null && request.verb().equals("BDAT")
                        ? RequestParser.parseChunk(request.argument()) : null;
                if (chunk == null) {
                    interruptedBy = line;
                    return null;
                }
                lastSize = chunk.size();
                return chunk;
            }
        }
    }
}

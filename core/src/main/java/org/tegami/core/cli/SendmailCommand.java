package org.tegami.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tegami.api.MailAddress;
import org.tegami.core.config.ServerConfig;
import org.tegami.core.spool.IncomingMessage;
import org.tegami.core.spool.SpoolFiles;

/**
 * {@code tegami sendmail}: the sendmail(8) interface for scripts and MUAs. Reads a message
 * from standard input, adds Date, Message-ID and From when missing, and drops it into the
 * spool's {@code incoming/} folder (tmp, fsync, rename), so it works while the daemon is
 * down; the daemon queues it from there.
 */
public final class SendmailCommand implements CliCommand {

    private static final String USAGE = """
            usage: tegami sendmail [-t] [-i | -oi] [-f sender] [-F 'Full Name'] [recipient ...]
              -t       take recipients from To:, Cc: and Bcc: (Bcc: is removed) as well
              -i, -oi  a line with a single dot does not end the message
              -f ADDR  the envelope sender (default: your login at the hostname); -r is the same
              -F NAME  the full name for a From: header that is added
            Other options of sendmail(8) that tune its delivery (-B, -N, -R, -V, -o..., -e...)
            are accepted and ignored.""";

    @Override
    public String name() {
        return "sendmail";
    }

    @Override
    public String summary() {
        return "send a message read from standard input (sendmail(8) flags)";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, CliContext context) throws Exception {
        SendmailArguments parsed;
        try {
            parsed = SendmailArguments.parse(args);
        } catch (SendmailArguments.UsageException e) {
            context.err().println("sendmail: " + e.getMessage() + " (try --help)");
            return ExitCodes.USAGE;
        }
        boolean fromHeaders = parsed.fromHeaders();
        String sender = parsed.sender();
        List<String> rcpts = parsed.recipients();
        ServerConfig config = ServerConfig.load(context.configDirectory());
        String hostname = config.hostname();
        MailAddress envelopeFrom;
        List<MailAddress> to = new ArrayList<>();
        try {
            envelopeFrom = sender != null ? MailAddress.parse(sender)
                    : MailAddress.parse(System.getProperty("user.name", "nobody") + "@" + hostname);
            for (String r : rcpts) {
                to.add(MailAddress.parse(r.contains("@") ? r : r + "@" + hostname));
            }
        } catch (IllegalArgumentException e) {
            context.err().println("sendmail: bad address: " + e.getMessage());
            return ExitCodes.DATA_ERROR;
        }
        List<String> lines = readMessage(context.in(), parsed.ignoreDots());
        List<String> added = missingHeaders(lines, envelopeFrom, parsed.fullName(), hostname);
        String message = String.join("\n", added) + (added.isEmpty() ? "" : "\n") + String.join("\n", lines) + "\n";
        if (fromHeaders || to.isEmpty()) {
            IncomingMessage headers = IncomingMessage.parse(message.getBytes(StandardCharsets.UTF_8));
            if (fromHeaders) {
                headers.recipients().stream().filter(a -> !to.contains(a)).forEach(to::add);
                message = new String(headers.message(), StandardCharsets.UTF_8); // Bcc: removed
            }
        }
        if (to.isEmpty()) {
            context.err().println("sendmail: no recipients (give addresses, or -t with To:, Cc: or Bcc:)");
            return ExitCodes.USAGE;
        }
        StringBuilder file = new StringBuilder();
        file.append("X-Envelope-From: ").append(envelopeFrom.bracketed()).append('\n');
        to.forEach(a -> file.append("X-Envelope-To: ").append(a.bracketed()).append('\n'));
        file.append(message);
        try {
            drop(config.spoolDir(), file.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            context.err().println("sendmail: cannot write to the spool: " + e.getMessage());
            return ExitCodes.TEMP_FAIL;
        }
        return ExitCodes.OK;
    }

    /** Lines without their ends; without -i a lone "." ends the message (sendmail(8)). */
    private static List<String> readMessage(InputStream in, boolean ignoreDots) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        List<String> lines = new ArrayList<>(List.of(all.toString(StandardCharsets.UTF_8).split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (!ignoreDots && lines.contains(".")) {
            lines = new ArrayList<>(lines.subList(0, lines.indexOf(".")));
        }
        return lines;
    }

    /** Date, Message-ID and From lines (RFC 5322 3.6) the message lacks. */
    private static List<String> missingHeaders(List<String> lines, MailAddress from, String fullName, String hostname) {
        int end = lines.indexOf("");
        List<String> header = end < 0 ? lines : lines.subList(0, end);
        List<String> added = new ArrayList<>();
        if (!has(header, "date")) {
            added.add("Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()));
        }
        if (!has(header, "message-id")) {
            added.add("Message-ID: <" + System.currentTimeMillis() + "." + UUID.randomUUID().toString().substring(0, 8)
                    + "@" + hostname + ">");
        }
        if (!has(header, "from")) {
            String name = fullName == null ? "" : "\"" + fullName.replace("\\", "\\\\").replace("\"", "\\\"") + "\" ";
            added.add("From: " + name + from.bracketed());
        }
        if (end < 0 && !lines.isEmpty() && !lines.get(0).contains(":")) {
            added.add(""); // no header at all: what came is the body
        }
        return added;
    }

    private static boolean has(List<String> header, String name) {
        return header.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"));
    }

    /**
     * Writes the file inside {@code incoming/} under a name the pickup skips, then renames it:
     * a user who is not the spool's owner can write there (mode 1733) but not in {@code tmp/}.
     * The daemon reads the file as its own account, and mail programs run this command with a
     * umask of 077 (s-nail/mailx, mutt), so the file is made 0644 whatever the umask; nobody
     * but the spool's owner can list the folder to find it.
     */
    private static void drop(Path spool, byte[] content) throws IOException {
        SpoolFiles files = new SpoolFiles(spool).create();
        String name = System.currentTimeMillis() + "." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID().toString().substring(0, 8);
        Path tmp = files.incoming().resolve(SpoolFiles.DROP_PREFIX + name);
        try {
            SpoolFiles.writeForced(tmp, content);
            makeReadable(tmp);
            SpoolFiles.move(tmp, files.incoming().resolve(name));
        } finally {
            Files.deleteIfExists(tmp);
        }
        try {
            SpoolFiles.forceDirectory(files.incoming());
        } catch (AccessDeniedException e) {
            // Not the spool's owner: the folder cannot be opened to fsync it. The file's
            // content is forced; the daemon makes the rename durable when it picks it up.
        }
    }

    private static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stand
        }
    }

}

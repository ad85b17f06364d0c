package org.tegami.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tegami.core.config.ServerConfig;
import org.tegami.core.spool.RecipientEntry;
import org.tegami.core.spool.SpoolAdmin;

/**
 * {@code tegami queue}: lists the queue (like mailq), makes deferred mail due now
 * ({@code flush}), or removes one entry ({@code delete ID}). Works on the spool files
 * directly, with or without a running daemon.
 */
public final class QueueCommand implements CliCommand {

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String summary() {
        return "list the mail queue; flush; delete ID";
    }

    @Override
    public String usage() {
        return """
                usage: tegami queue [list]     show queued messages and each recipient's state
                       tegami queue flush      try every deferred message again now
                       tegami queue delete ID  remove a message without delivering or bouncing it""";
    }

    @Override
    public int run(List<String> args, CliContext context) throws Exception {
        String verb = args.isEmpty() ? "list" : args.get(0);
        int expected = verb.equals("delete") ? 2 : 1;
        if (!List.of("list", "flush", "delete").contains(verb) || args.size() > expected
                || verb.equals("delete") && args.size() != 2) {
            context.err().println("queue: expected list, flush or delete ID (try --help)");
            return ExitCodes.USAGE;
        }
        Path dir = ServerConfig.load(context.configDirectory()).spoolDir();
        if (!Files.isDirectory(dir)) {
            context.err().println("queue: no spool at " + dir);
            return ExitCodes.CONFIG;
        }
        SpoolAdmin admin = SpoolAdmin.open(dir);
        try {
            switch (verb) {
                case "flush" -> context.out().println(admin.flush() + " deferred message(s) due now");
                case "delete" -> {
                    return delete(admin, args.get(1), context);
                }
                default -> {
                    list(admin.list(), context.out());
                    damaged(admin.damaged(), dir.resolve("corrupt"), context.out());
                }
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            context.err().println("queue: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        } finally {
            admin.close();
        }
    }

    private static int delete(SpoolAdmin admin, String id, CliContext context) throws IOException {
        switch (admin.delete(id)) {
            case DELETED -> {
                context.out().println(id + ": deleted");
                return ExitCodes.OK;
            }
            case BUSY -> {
                context.err().println("queue: " + id + " is being delivered right now; try again shortly");
                return ExitCodes.TEMP_FAIL;
            }
            default -> {
                context.err().println("queue: no message " + id + " in the queue");
                return ExitCodes.DATA_ERROR;
            }
        }
    }

    /** Damaged entries are never delivered nor bounced: say so, or the operator never learns of them. */
    private static void damaged(List<String> names, Path corrupt, PrintStream out) {
        if (names.isEmpty()) {
            return;
        }
        int shown = Math.min(names.size(), 10);
        out.println("-- " + names.size() + " damaged " + (names.size() == 1 ? "entry" : "entries") + " set aside in "
                + corrupt + ", not delivered (the server log says why): " + String.join(", ", names.subList(0, shown))
                + (shown < names.size() ? ", ..." : ""));
    }

    private static void list(List<SpoolAdmin.Listed> entries, PrintStream out) {
        if (entries.isEmpty()) {
            out.println("Mail queue is empty");
            return;
        }
        out.printf("%-18s %9s  %-20s  %s%n", "Queue ID", "Size", "Arrival", "Sender");
        for (SpoolAdmin.Listed l : entries) {
            out.printf("%-18s %9d  %-20s  %s%s%n", l.entry().id(), l.size(), l.entry().arrival(),
                    l.entry().sender().bracketed(), l.claimed() ? "  (being delivered)" : "");
            for (RecipientEntry r : l.entry().recipients()) {
                StringBuilder line = new StringBuilder("    ");
                line.append(String.format("%-9s", r.state().name().toLowerCase(java.util.Locale.ROOT)));
                line.append(' ').append(r.recipient().address().bracketed());
                line.append("  attempts=").append(r.attempts());
                if (r.nextTry() != null) {
                    line.append(" next=").append(r.nextTry());
                }
                if (r.lastReply() != null) {
                    line.append("  (").append(r.lastReply()).append(')');
                }
                out.println(line);
            }
        }
        out.println("-- " + entries.size() + " message(s), " + entries.stream().mapToLong(SpoolAdmin.Listed::size).sum()
                + " bytes");
    }


}

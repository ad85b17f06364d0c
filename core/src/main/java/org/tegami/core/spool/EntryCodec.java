package org.tegami.core.spool;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.api.RouteDecision;

/**
 * Reads and writes the envelope file, a small versioned text format. One record per line,
 * fields separated by TAB; in a field {@code %}, TAB, CR and LF are written {@code %25},
 * {@code %09}, {@code %0D}, {@code %0A}; a lone {@code -} is "absent" (a real {@code -} is
 * {@code %2D}). Lines: {@code tegami-queue 1}, {@code id}, {@code sender}, {@code arrival},
 * {@code size} (the message file's length; absent in older files),
 * {@code origin}, {@code param*}, then per recipient {@code rcpt} followed by its
 * {@code target} lines. Pure text in, text out: no I/O here.
 */
public final class EntryCodec {

    /** The first line; a file with another version is refused as corrupt. */
    public static final String MAGIC = "tegami-queue\t1";

    private EntryCodec() {
    }

    public static String format(QueueEntry e) {
        StringBuilder b = new StringBuilder(256);
        b.append(MAGIC).append('\n');
        line(b, "id", e.id());
        line(b, "sender", address(e.sender()));
        line(b, "arrival", e.arrival().toString());
        if (e.size() >= 0) {
            line(b, "size", Long.toString(e.size()));
        }
        Envelope.Origin o = e.origin();
        line(b, "origin", o.protocol(), o.heloName(), o.clientAddress(), o.authenticatedUser());
        e.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> line(b, "param", p.getKey(), p.getValue()));
        for (RecipientEntry r : e.recipients()) {
            line(b, "rcpt", address(r.recipient().address()), r.recipient().dsnNotify(),
                    r.recipient().originalRecipient(), r.state().name(), Integer.toString(r.attempts()),
                    r.nextTry() == null ? null : r.nextTry().toString(), r.lastReply(), r.resolved() ? "1" : "0");
            for (Target t : r.targets()) {
                List<String> f = new ArrayList<>(List.of("target", address(t.address()), t.state().name()));
                f.add(t.lastReply());
                f.addAll(decisionFields(t.decision()));
                line(b, f.toArray(String[]::new));
            }
        }
        return b.toString();
    }

    /**
     * @throws CorruptEntryException naming the line and what is wrong
     */
    public static QueueEntry parse(String text, Path file) throws CorruptEntryException {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(MAGIC)) {
            throw new CorruptEntryException(file + ":1: not a tegami-queue version 1 file");
        }
        String id = null;
        MailAddress sender = null;
        Instant arrival = null;
        long size = -1;
        Envelope.Origin origin = Envelope.Origin.LOCAL;
        Map<String, String> params = new LinkedHashMap<>();
        List<RecipientEntry> rcpts = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isEmpty()) {
                continue;
            }
            String[] f = lines[n].split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = unescape(f[i]);
            }
            try {
                switch (f[0]) {
                    case "id" -> id = need(f, 2)[1];
                    case "sender" -> sender = parseAddress(need(f, 2)[1]);
                    case "arrival" -> arrival = Instant.parse(need(f, 2)[1]);
                    case "size" -> size = Long.parseUnsignedLong(need(f, 2)[1]);
                    case "origin" -> origin = new Envelope.Origin(need(f, 5)[1], f[2], f[3], f[4]);
                    case "param" -> params.put(need(f, 3)[1], f[2] == null ? "" : f[2]);
                    case "rcpt" -> {
                        need(f, 9);
                        Recipient r = new Recipient(parseAddress(f[1]), f[2], f[3]);
                        rcpts.add(new RecipientEntry(r, DeliveryState.valueOf(f[4]), Integer.parseInt(f[5]),
                                f[7], f[6] == null ? null : Instant.parse(f[6]), "1".equals(f[8]), List.of()));
                    }
                    case "target" -> {
                        need(f, 5);
                        if (rcpts.isEmpty()) {
                            throw new IllegalArgumentException("target before any rcpt");
                        }
                        Target t = new Target(parseAddress(f[1]), parseDecision(f, 4), DeliveryState.valueOf(f[2]), f[3]);
                        int last = rcpts.size() - 1;
                        RecipientEntry r = rcpts.get(last);
                        List<Target> ts = new ArrayList<>(r.targets());
                        ts.add(t);
                        rcpts.set(last, new RecipientEntry(r.recipient(), r.state(), r.attempts(), r.lastReply(),
                                r.nextTry(), r.resolved(), ts));
                    }
                    default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
                }
            } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                throw new CorruptEntryException(file + ":" + (n + 1) + ": " + e.getMessage());
            }
        }
        if (id == null || sender == null || arrival == null || rcpts.isEmpty()) {
            throw new CorruptEntryException(file + ": incomplete (needs id, sender, arrival and a rcpt)");
        }
        return new QueueEntry(id, sender, params, origin, arrival, rcpts, size);
    }

    private static List<String> decisionFields(RouteDecision d) {
        List<String> f = new ArrayList<>();
        if (d instanceof RouteDecision.Deliver x) {
            f.addAll(List.of("deliver", x.user(), x.folder()));
        } else if (d instanceof RouteDecision.Relay x) {
            f.add("relay");
            f.add(x.transport());
            f.add(x.nextHop());
            f.add(Boolean.toString(x.requireTls()));
        } else if (d instanceof RouteDecision.Pipe x) {
            f.addAll(List.of("pipe", x.command()));
        } else if (d instanceof RouteDecision.AppendToFile x) {
            f.addAll(List.of("file", x.file().toString()));
        } else if (d instanceof RouteDecision.Discard x) {
            f.add("discard");
            f.add(x.reason());
        } else if (d instanceof RouteDecision.Reject x) {
            f.addAll(List.of("reject", x.reply().toString()));
        } else {
            throw new IllegalArgumentException("not a final decision: " + d);
        }
        return f;
    }

    private static RouteDecision parseDecision(String[] f, int at) {
        String kind = f[at];
        return switch (kind) {
            case "deliver" -> new RouteDecision.Deliver(need(f, at + 3)[at + 1], f[at + 2]);
            case "relay" -> new RouteDecision.Relay(need(f, at + 4)[at + 1], f[at + 2], Boolean.parseBoolean(f[at + 3]));
            case "pipe" -> new RouteDecision.Pipe(need(f, at + 2)[at + 1]);
            case "file" -> new RouteDecision.AppendToFile(Path.of(need(f, at + 2)[at + 1]));
            case "discard" -> new RouteDecision.Discard(need(f, at + 2)[at + 1]);
            case "reject" -> new RouteDecision.Reject(ReplyText.parse(need(f, at + 2)[at + 1]));
            default -> throw new IllegalArgumentException("unknown target kind '" + kind + "'");
        };
    }

    private static String[] need(String[] f, int n) {
        if (f.length < n) {
            throw new IllegalArgumentException("'" + f[0] + "' needs " + (n - 1) + " fields, has " + (f.length - 1));
        }
        return f;
    }

    /** {@code local@domain} split at the last {@code @} so any local part survives; empty is {@code <>}. */
    static String address(MailAddress a) {
        return a.isNullSender() ? "" : a.localPart() + "@" + a.domain();
    }

    static MailAddress parseAddress(String s) {
        if (s == null || s.isEmpty()) {
            return MailAddress.NULL_SENDER;
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("bad address '" + s + "'");
        }
        return new MailAddress(s.substring(0, at), s.substring(at + 1));
    }

    private static void line(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(escape(fields[i]));
        }
        b.append('\n');
    }

    static String escape(String s) {
        if (s == null) {
            return "-";
        }
        if (s.equals("-")) {
            return "%2D";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '%' -> b.append("%25");
                case '\t' -> b.append("%09");
                case '\r' -> b.append("%0D");
                case '\n' -> b.append("%0A");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.equals("-")) {
            return null;
        }
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("bad escape in '" + s + "'");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

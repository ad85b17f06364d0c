package org.tegami.routing.rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tegami.api.ConfigException;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.routing.file.LogicalLine;
import org.tegami.routing.file.LogicalLines;
import org.tegami.routing.file.Parsed;

/**
 * Parses the rules file. One rule per line (continuation lines start with whitespace,
 * {@code #} lines are comments):
 * <pre>
 * PATTERN  relay TRANSPORT[:NEXTHOP] [require-tls]
 * PATTERN  reject [CODE [ENHANCED-CODE]] [TEXT]
 * </pre>
 * NEXTHOP is {@code host}, {@code host:port}, {@code [host]} or {@code [host]:port}; brackets
 * are accepted as in Postfix and the host is always used as given (no MX lookup). A reject
 * without code is {@code 550 5.7.1}; the code is 4xx or 5xx and an enhanced code must have the
 * same class (RFC 3463). A bad line is reported and skipped. Pure: no file access.
 */
public final class RulesParser {

    static final Reply DEFAULT_REJECT = Reply.of(550, "5.7.1", "recipient rejected by policy");

    private static final Pattern TRANSPORT = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern NEXT_HOP = Pattern.compile("(?:\\[([^\\]\\s]+)]|([^\\[\\]:\\s]+))(?::(\\d{1,5}))?");
    private static final Pattern CODE = Pattern.compile("[45]\\d\\d");
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    private RulesParser() {
    }

    public static Parsed<RuleSet> parse(Path file, String content) {
        List<RouteRule> rules = new ArrayList<>();
        List<ConfigException> problems = new ArrayList<>();
        for (LogicalLine line : LogicalLines.split(content)) {
            try {
                rules.add(rule(line));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException(file, line.number(), e.getMessage() + "; line skipped"));
            }
        }
        return new Parsed<>(new RuleSet(rules), problems);
    }

    private static RouteRule rule(LogicalLine line) {
        String[] words = line.text().split("\\s+", 3);
        if (words.length < 2) {
            throw new IllegalArgumentException("expected \"PATTERN relay ...\" or \"PATTERN reject ...\"");
        }
        RecipientPattern pattern = RecipientPattern.parse(words[0]);
        String rest = words.length > 2 ? words[2] : "";
        RouteDecision decision = switch (words[1].toLowerCase(Locale.ROOT)) {
            case "relay" -> relay(rest);
            case "reject" -> reject(rest);
            default -> throw new IllegalArgumentException("unknown action \"" + words[1] + "\" (relay or reject)");
        };
        return new RouteRule(pattern, decision, line.number());
    }

    private static RouteDecision relay(String args) {
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (words.length == 0) {
            throw new IllegalArgumentException("relay needs a transport, e.g. \"relay smtp\"");
        }
        boolean requireTls = false;
        for (int i = 1; i < words.length; i++) {
            if (!words[i].equalsIgnoreCase("require-tls")) {
                throw new IllegalArgumentException("unknown relay option \"" + words[i] + "\" (only require-tls)");
            }
            requireTls = true;
        }
        String spec = words[0];
        int colon = spec.indexOf(':');
        String transport = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
        if (!TRANSPORT.matcher(transport).matches()) {
            throw new IllegalArgumentException("bad transport name \"" + transport + "\"");
        }
        String nextHop = colon < 0 ? null : nextHop(spec.substring(colon + 1));
        return new RouteDecision.Relay(transport, nextHop, requireTls);
    }

    /** {@code [host]:port} and friends become {@code host[:port]}. */
    private static String nextHop(String text) {
        Matcher m = NEXT_HOP.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad next hop \"" + text + "\" (host, host:port or [host]:port)");
        }
        String host = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        if (m.group(3) == null) {
            return host;
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return host + ":" + port;
    }

    private static RouteDecision reject(String args) {
        String[] words = args.strip().split("\\s+", 2);
        if (!CODE.matcher(words[0]).matches()) {
            if (!words[0].isEmpty() && Character.isDigit(words[0].charAt(0))) {
                throw new IllegalArgumentException("reject code must be 4xx or 5xx: \"" + words[0] + "\"");
            }
            return new RouteDecision.Reject(args.isBlank() ? DEFAULT_REJECT
                    : Reply.of(DEFAULT_REJECT.code(), DEFAULT_REJECT.enhanced(), args.strip()));
        }
        int code = Integer.parseInt(words[0]);
        String rest = words.length > 1 ? words[1] : "";
        String[] more = rest.split("\\s+", 2);
        // Without an enhanced code, "other or undefined policy status" of the same class.
        String enhanced = words[0].charAt(0) + ".7.1";
        if (ENHANCED.matcher(more[0]).matches()) {
            enhanced = more[0];
            if (enhanced.charAt(0) != words[0].charAt(0)) {
                throw new IllegalArgumentException("enhanced code " + enhanced + " does not match reply code " + code);
            }
            rest = more.length > 1 ? more[1] : "";
        }
        String text = rest.isBlank() ? DEFAULT_REJECT.text() : rest.strip();
        return new RouteDecision.Reject(Reply.of(code, enhanced, text));
    }
}

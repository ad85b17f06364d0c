package org.tegami.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns setting values into numbers, sizes, durations and flags. Each method throws
 * {@link IllegalArgumentException} whose message is the operator-facing reason.
 */
public final class ValueParser {

    private ValueParser() {
    }

    public static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: \"" + value + "\"");
        }
    }

    /** {@code true/yes/on} and {@code false/no/off}, any case. */
    public static boolean bool(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on":
                return true;
            case "false": case "no": case "off":
                return false;
            default:
                throw new IllegalArgumentException("not true/false, yes/no or on/off: \"" + value + "\"");
        }
    }

    /** A byte count with an optional binary suffix k, M, G (also T), any case, optional B. */
    public static long bytes(String value) {
        String v = value.strip();
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.endsWith("B") && upper.length() > 1) {
            upper = upper.substring(0, upper.length() - 1);
        }
        long factor = 1;
        if (!upper.isEmpty()) {
            switch (upper.charAt(upper.length() - 1)) {
                case 'K': factor = 1L << 10; break;
                case 'M': factor = 1L << 20; break;
                case 'G': factor = 1L << 30; break;
                case 'T': factor = 1L << 40; break;
                default: factor = 1;
            }
            if (factor > 1) {
                upper = upper.substring(0, upper.length() - 1);
            }
        }
        try {
            long n = Long.parseLong(upper.strip());
            if (n < 0) {
                throw new IllegalArgumentException("negative size: \"" + value + "\"");
            }
            return Math.multiplyExact(n, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size (like 512k, 50M, 1G): \"" + value + "\"");
        }
    }

    /** A duration with a unit: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 5d}; bare 0 is allowed. */
    public static Duration duration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        int split = 0;
        while (split < v.length() && Character.isDigit(v.charAt(split))) {
            split++;
        }
        if (split == 0 || split == v.length() || split > 15) {
            throw new IllegalArgumentException("not a duration (like 250ms, 30s, 5m, 2h, 5d): \"" + value + "\"");
        }
        long n = Long.parseLong(v.substring(0, split));
        switch (v.substring(split)) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            case "d": return Duration.ofDays(n);
            default:
                throw new IllegalArgumentException("not a duration (like 250ms, 30s, 5m, 2h, 5d): \"" + value + "\"");
        }
    }

    /** Comma-separated, trimmed, empty entries dropped. */
    public static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}

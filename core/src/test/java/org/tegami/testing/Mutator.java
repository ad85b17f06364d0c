package org.tegami.testing;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assertions;

/**
 * Seeded mutation fuzzer for parser tests: from valid sample inputs it derives malformed ones
 * (bit flips, byte insert/delete/duplicate, splices of two samples, truncation, long repeats and
 * injected CR, LF, NUL and 0xFF). The same seed and samples always give the same inputs, so a
 * failure reproduces from the seed and the index printed by the test.
 */
public final class Mutator {

    private static final byte[] SPECIAL = {'\r', '\n', 0, (byte) 0xFF, ' ', '"', '\\', '{', '}', '(', ')',
            '<', '>', '@', ':', '=', '#', '*', '[', ']', '%', '+', '&', '-', ','};

    private final Random random;
    private final List<byte[]> samples;

    public Mutator(long seed, List<byte[]> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        this.random = new Random(seed);
        this.samples = List.copyOf(samples);
    }

    /** A mutator over text samples, encoded as UTF-8. */
    public static Mutator ofText(long seed, String... samples) {
        List<byte[]> bytes = new ArrayList<>();
        for (String s : samples) {
            bytes.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return new Mutator(seed, bytes);
    }

    /** {@code count} mutated inputs; the first few samples are kept unmutated as a baseline. */
    public List<byte[]> mutate(int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] input = pick();
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                input = mutateOnce(input);
            }
            out.add(input);
        }
        return out;
    }

    /** {@link #mutate} decoded as ISO-8859-1, so every byte maps to one char. */
    public List<String> mutateText(int count) {
        List<String> out = new ArrayList<>(count);
        for (byte[] b : mutate(count)) {
            out.add(new String(b, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private byte[] pick() {
        return samples.get(random.nextInt(samples.size())).clone();
    }

    private byte[] mutateOnce(byte[] in) {
        int n = in.length;
        switch (random.nextInt(9)) {
            case 0: { // bit flip
                if (n == 0) {
                    return in;
                }
                byte[] out = in.clone();
                int at = random.nextInt(n);
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: { // insert a random byte
                return insert(in, random.nextInt(n + 1), new byte[] {(byte) random.nextInt(256)});
            }
            case 2: { // delete a run
                if (n == 0) {
                    return in;
                }
                int at = random.nextInt(n);
                int len = 1 + random.nextInt(Math.min(8, n - at));
                byte[] out = new byte[n - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, n - at - len);
                return out;
            }
            case 3: { // duplicate a run
                if (n == 0) {
                    return in;
                }
                int at = random.nextInt(n);
                int len = 1 + random.nextInt(Math.min(16, n - at));
                return insert(in, at, Arrays.copyOfRange(in, at, at + len));
            }
            case 4: { // splice with another sample
                byte[] other = pick();
                int cut = random.nextInt(n + 1);
                int from = random.nextInt(other.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, cut);
                out.write(other, from, other.length - from);
                return out.toByteArray();
            }
            case 5: // truncate
                return Arrays.copyOf(in, random.nextInt(n + 1));
            case 6: { // long repeat of one byte or a short run
                int at = random.nextInt(n + 1);
                byte[] unit = n == 0 || random.nextBoolean()
                        ? new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]}
                        : Arrays.copyOfRange(in, at == n ? n - 1 : at, Math.min(n, (at == n ? n - 1 : at) + 3));
                int times = 50 + random.nextInt(2000);
                byte[] run = new byte[unit.length * times];
                for (int i = 0; i < times; i++) {
                    System.arraycopy(unit, 0, run, i * unit.length, unit.length);
                }
                return insert(in, at, run);
            }
            case 7: { // overwrite with a special byte
                if (n == 0) {
                    return new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]};
                }
                byte[] out = in.clone();
                out[random.nextInt(n)] = SPECIAL[random.nextInt(SPECIAL.length)];
                return out;
            }
            default: // inject CR, LF, NUL or 0xFF
                return insert(in, random.nextInt(n + 1), new byte[] {SPECIAL[random.nextInt(4)]});
        }
    }

    /** A parser call under fuzz; may throw anything, the caller says what is allowed. */
    @FunctionalInterface
    public interface Call<T> {
        void accept(T input) throws Exception;
    }

    /**
     * Feeds every input to {@code call} within {@code limit} for the whole batch (a hang fails
     * the test) and fails on the first exception that is not one of {@code allowed}, naming the
     * input's index and text so it can be replayed.
     */
    @SafeVarargs
    public static <T> void fuzz(List<T> inputs, Duration limit, Call<T> call, Class<? extends Throwable>... allowed) {
        Assertions.assertTimeoutPreemptively(limit, () -> {
            for (int i = 0; i < inputs.size(); i++) {
                T input = inputs.get(i);
                try {
                    call.accept(input);
                } catch (Throwable t) {
                    if (Arrays.stream(allowed).noneMatch(a -> a.isInstance(t))) {
                        throw new AssertionError("input #" + i + " " + describe(input) + " threw " + t, t);
                    }
                }
            }
        });
    }

    private static String describe(Object input) {
        String text = input instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(input);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(text.length(), 300); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.append(text.length() > 300 ? "...\" (" + text.length() + " chars)" : "\"").toString();
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }
}

package org.tegami.pop3.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A raw protocol transcript from {@code src/test/resources/transcripts/<verb>_<case>.txt}.
 * Lines: {@code C: text} is sent by the client (consecutive ones leave in one write, which
 * pipelines them), {@code S: regex} must match the server's next line, {@code TLS} makes the
 * client start the handshake, {@code CLOSED} expects the server to close, {@code #} comments.
 */
public record Transcript(String name, List<Step> steps) {

    /** One step of a transcript. */
    public sealed interface Step {
    }

    /** Client lines sent together. */
    public record Send(List<String> lines) implements Step {
    }

    /** A server line, as a regex. */
    public record Expect(Pattern line, int sourceLine) implements Step {
    }

    /** The client starts TLS here. */
    public record StartTls() implements Step {
    }

    /** The server must have closed the connection. */
    public record Closed(int sourceLine) implements Step {
    }

    public static Transcript load(String name) {
        try (InputStream in = Transcript.class.getResourceAsStream("/transcripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript parse(String name, String text) {
        List<Step> steps = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.startsWith("C: ") || line.equals("C:")) {
                pending.add(line.length() > 3 ? line.substring(3) : "");
                continue;
            }
            if (!pending.isEmpty()) {
                steps.add(new Send(List.copyOf(pending)));
                pending.clear();
            }
            if (line.startsWith("S: ") || line.equals("S:")) {
                steps.add(new Expect(Pattern.compile(line.length() > 3 ? line.substring(3) : ""), i + 1));
            } else if (line.equals("TLS")) {
                steps.add(new StartTls());
            } else if (line.equals("CLOSED")) {
                steps.add(new Closed(i + 1));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": cannot read " + line);
            }
        }
        if (!pending.isEmpty()) {
            steps.add(new Send(List.copyOf(pending)));
        }
        return new Transcript(name, List.copyOf(steps));
    }

    /** Every transcript file in the resources folder, by name. */
    public static List<String> all() {
        try (Stream<Path> files = Files.list(Path.of(Transcript.class.getResource("/transcripts").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

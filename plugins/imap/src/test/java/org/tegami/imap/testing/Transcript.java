package org.tegami.imap.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw protocol transcript ({@code src/test/resources/transcripts/<verb>_<case>.txt}): {@code C:}
 * lines are sent as written (with CRLF), {@code S:} lines are regular expressions each server
 * line must match in order; {@code #} lines are comments. Lines of several sessions are told
 * apart by a prefix digit: {@code 1C:}, {@code 2S:}.
 */
public final class Transcript {

    /** One step. */
    public record Step(int session, boolean client, String text, int lineNumber) {
    }

    private final String name;
    private final List<Step> steps;

    private Transcript(String name, List<Step> steps) {
        this.name = name;
        this.steps = steps;
    }

    public static Transcript load(String resource) throws IOException {
        try (InputStream in = Transcript.class.getResourceAsStream("/transcripts/" + resource)) {
            if (in == null) {
                throw new IOException("no transcript " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Step> steps = new ArrayList<>();
            int n = 0;
            for (String line : text.split("\n", -1)) {
                n++;
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int session = 1;
                String rest = line;
                if (Character.isDigit(rest.charAt(0))) {
                    session = rest.charAt(0) - '0';
                    rest = rest.substring(1);
                }
                if (rest.startsWith("C: ") || rest.equals("C:")) {
                    steps.add(new Step(session, true, rest.length() > 3 ? rest.substring(3) : "", n));
                } else if (rest.startsWith("S: ")) {
                    steps.add(new Step(session, false, rest.substring(3), n));
                } else {
                    throw new IOException(resource + ":" + n + ": line must start with C: or S:");
                }
            }
            return new Transcript(resource, steps);
        }
    }

    /** Runs the transcript with the given clients (index 0 is session 1), greetings already read. */
    public void run(List<ImapClient> clients) throws IOException {
        for (Step step : steps) {
            ImapClient client = clients.get(step.session() - 1);
            if (step.client()) {
                client.sendRaw(step.text() + "\r\n");
            } else {
                String line;
                try {
                    line = client.rawLine();
                } catch (IOException e) {
                    throw new IOException(name + ":" + step.lineNumber() + ": no line for /" + step.text() + "/", e);
                }
                assertTrue(line.matches(step.text()),
                        name + ":" + step.lineNumber() + ": expected /" + step.text() + "/ but got: " + line);
            }
        }
    }

    /** The same transcript logging in as another user (alice@localhost in LOGIN lines replaced). */
    public Transcript as(String user) {
        List<Step> changed = new ArrayList<>();
        for (Step s : steps) {
            boolean login = s.client() && s.text().matches("\\S+ LOGIN .*");
            changed.add(login ? new Step(s.session(), true, s.text().replace("alice@localhost", user), s.lineNumber()) : s);
        }
        return new Transcript(name, changed);
    }

    public int sessions() {
        return steps.stream().mapToInt(Step::session).max().orElse(1);
    }
}

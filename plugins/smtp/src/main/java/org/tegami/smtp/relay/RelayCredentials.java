package org.tegami.smtp.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tegami.api.ConfigException;

/**
 * The user names and passwords for smarthosts that want SMTP AUTH. Two sources:
 * <ul>
 *   <li>{@code smtp.relay.auth = user:password}: used for every smarthost (a
 *       {@link org.tegami.api.RouteDecision.Relay} with a next hop) that has no entry of its own;</li>
 *   <li>{@code smtp.relay.auth-file = conf/relay-auth}: lines {@code nexthop user:password}, like
 *       Postfix's {@code sasl_passwd}, where {@code nexthop} is written as in the routing rules
 *       ({@code [smtp.example.net]:587}, {@code example.net}); {@code #} starts a comment. Keep
 *       the file readable by the server only.</li>
 * </ul>
 * Never used for MX delivery, and only sent over TLS. Immutable.
 */
public final class RelayCredentials {

    /** No credentials at all. */
    public static final RelayCredentials NONE = new RelayCredentials(Map.of(), null);

    private final Map<NextHop, Credential> byHop;
    private final Credential fallback;

    private RelayCredentials(Map<NextHop, Credential> byHop, Credential fallback) {
        this.byHop = Map.copyOf(byHop);
        this.fallback = fallback;
    }

    /** Credentials from the two settings; either may be {@code null}. */
    public static RelayCredentials of(String auth, Path file) throws ConfigException {
        Credential fallback = null;
        if (auth != null && !auth.isBlank()) {
            fallback = Credential.parse(auth);
            if (fallback == null) {
                throw new ConfigException("smtp.relay.auth: expected user:password");
            }
        }
        Map<NextHop, Credential> byHop = file == null ? Map.of() : readFile(file);
        return new RelayCredentials(byHop, fallback);
    }

    static Map<NextHop, Credential> readFile(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read smarthost credentials: " + e.getMessage());
        }
        Map<NextHop, Credential> map = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            Credential credential = parts.length == 2 ? Credential.parse(parts[1]) : null;
            if (credential == null) {
                throw new ConfigException(file, i + 1, "expected 'nexthop user:password'");
            }
            try {
                map.put(NextHop.parse(parts[0], 25), credential);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, i + 1, e.getMessage());
            }
        }
        return map;
    }

    /** The credentials for a smarthost, if any. */
    public Optional<Credential> forSmarthost(NextHop hop) {
        Credential own = byHop.get(hop);
        return Optional.ofNullable(own != null ? own : fallback);
    }

    /**
     * A login and password.
     *
     * @param user the authentication identity
     * @param password the password, never logged
     */
    public record Credential(String user, String password) {

        static Credential parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                return null;
            }
            return new Credential(text.substring(0, colon).strip(), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Credential[user=" + user + "]";
        }
    }
}

package org.tegami.core.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The schemes Tegami reads, found by the {@code {SCHEME}} prefix of a stored password. Without
 * a prefix, Dovecot's default {@code CRYPT} applies: the crypt prefix ({@code $2y$}, {@code $6$},
 * {@code $argon2id$}) picks the scheme. Thread-safe.
 */
public final class PasswordSchemes {

    private static final BlfCryptScheme BLF_CRYPT = new BlfCryptScheme();
    private static final Sha512CryptScheme SHA512_CRYPT = new Sha512CryptScheme();
    private static final Argon2idScheme ARGON2ID = new Argon2idScheme();

    private static final Map<String, PasswordScheme> BY_NAME = List.of(
            BLF_CRYPT, SHA512_CRYPT, ARGON2ID,
            new Sha512Scheme(false), new Sha512Scheme(true),
            new PlainScheme("PLAIN"), new PlainScheme("CLEARTEXT"))
            .stream().collect(Collectors.toUnmodifiableMap(PasswordScheme::name, Function.identity()));

    private PasswordSchemes() {
    }

    /** A scheme and the text after its prefix. */
    public record Stored(PasswordScheme scheme, String hash) {
    }

    /**
     * Splits {@code {SCHEME}hash}, or recognises a bare crypt string.
     *
     * @return empty when the scheme is unknown or the hash is not of its shape
     */
    public static Optional<Stored> parse(String password) {
        PasswordScheme scheme;
        String hash;
        if (password.startsWith("{")) {
            int close = password.indexOf('}');
            if (close < 0) {
                return Optional.empty();
            }
            String name = password.substring(1, close).toUpperCase(Locale.ROOT);
            hash = password.substring(close + 1);
            scheme = name.equals("CRYPT") ? byCryptPrefix(hash) : BY_NAME.get(name);
        } else {
            hash = password;
            scheme = byCryptPrefix(hash);
        }
        if (scheme == null || !scheme.wellFormed(hash)) {
            return Optional.empty();
        }
        return Optional.of(new Stored(scheme, hash));
    }

    /** Why {@link #parse} refused a stored password, for the users file's warnings. */
    public static String problem(String password) {
        if (password.startsWith("{")) {
            int close = password.indexOf('}');
            if (close < 0) {
                return "password scheme not closed by '}'";
            }
            String name = password.substring(1, close).toUpperCase(Locale.ROOT);
            if (!name.equals("CRYPT") && !BY_NAME.containsKey(name)) {
                return "unknown password scheme {" + name + "}";
            }
            return "malformed {" + name + "} hash";
        }
        return "password without a {SCHEME} prefix is not a known crypt hash";
    }

    /** Whether the password matches the stored text; false when the stored text is unusable. */
    public static boolean verify(String password, String stored) {
        return parse(stored).map(s -> s.scheme().verify(password, s.hash())).orElse(false);
    }

    /** The names accepted between braces, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().collect(Collectors.toList());
    }

    private static PasswordScheme byCryptPrefix(String hash) {
        if (hash.startsWith("$2")) {
            return BLF_CRYPT;
        }
        if (hash.startsWith("$6$")) {
            return SHA512_CRYPT;
        }
        if (hash.startsWith("$argon2id$")) {
            return ARGON2ID;
        }
        return null;
    }
}

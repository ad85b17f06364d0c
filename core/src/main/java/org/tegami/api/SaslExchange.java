package org.tegami.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The server side of one SASL PLAIN (RFC 4616) or LOGIN exchange, shared by SMTP AUTH
 * (RFC 4954), POP3 AUTH (RFC 5034) and IMAP AUTHENTICATE (RFC 3501). Protocol-neutral: the
 * plugin wraps {@link Step.Challenge} in its own syntax ({@code 334 }, {@code + }) and feeds
 * each client line back with {@link #next}. Not thread-safe: one per attempt.
 */
public final class SaslExchange {

    /** Mechanism names offered by default. */
    public static final String PLAIN = "PLAIN";
    public static final String LOGIN = "LOGIN";

    private static final String USERNAME_PROMPT = "VXNlcm5hbWU6"; // "Username:"
    private static final String PASSWORD_PROMPT = "UGFzc3dvcmQ6"; // "Password:"

    private final String mechanism;
    private String loginName;
    private boolean done;

    private SaslExchange(String mechanism) {
        this.mechanism = mechanism;
    }

    /** Whether this class can run the named mechanism (case-insensitive). */
    public static boolean supports(String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        return m.equals(PLAIN) || m.equals(LOGIN);
    }

    /**
     * Starts an exchange.
     *
     * @param mechanism {@code PLAIN} or {@code LOGIN}, any case
     * @param initialResponse the base64 initial response (RFC 4954 / SASL-IR), {@code "="} for
     *     an empty one, or {@code null} when the client sent none
     * @return the exchange and its first step
     * @throws IllegalArgumentException for an unsupported mechanism
     */
    public static Start start(String mechanism, String initialResponse) {
        if (!supports(mechanism)) {
            throw new IllegalArgumentException("unsupported mechanism");
        }
        SaslExchange exchange = new SaslExchange(mechanism.toUpperCase(Locale.ROOT));
        Step first;
        if (initialResponse == null) {
            first = new Step.Challenge(exchange.mechanism.equals(PLAIN) ? "" : USERNAME_PROMPT);
        } else {
            first = exchange.next(initialResponse);
        }
        return new Start(exchange, first);
    }

    /**
     * Takes the client's next line (base64, or {@code *} to cancel) and says what follows.
     */
    public Step next(String clientLine) {
        if (done) {
            return new Step.Failed("exchange already finished");
        }
        String line = clientLine.strip();
        if (line.equals("*")) {
            done = true;
            return new Step.Cancelled();
        }
        byte[] decoded;
        try {
            decoded = line.equals("=") ? new byte[0] : Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            done = true;
            return new Step.Failed("invalid base64");
        }
        if (mechanism.equals(PLAIN)) {
            done = true;
            return decodePlain(decoded);
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        if (loginName == null) {
            loginName = text;
            return new Step.Challenge(PASSWORD_PROMPT);
        }
        done = true;
        return new Step.Done(new Credentials(null, loginName, text));
    }

    /** RFC 4616: {@code [authzid] NUL authcid NUL passwd}, UTF-8. */
    static Step decodePlain(byte[] message) {
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (first < 0 || second < 0 || indexOf(message, second + 1) >= 0) {
            return new Step.Failed("malformed PLAIN response");
        }
        String authzid = new String(message, 0, first, StandardCharsets.UTF_8);
        String authcid = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
        String password = new String(message, second + 1, message.length - second - 1, StandardCharsets.UTF_8);
        if (authcid.isEmpty()) {
            return new Step.Failed("empty user name");
        }
        return new Step.Done(new Credentials(authzid.isEmpty() ? null : authzid, authcid, password));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** An exchange with its first step. */
    public record Start(SaslExchange exchange, Step step) {
    }

    /** One step of the exchange. */
    public sealed interface Step {

        /** Send this base64 challenge (may be empty) and wait for the client's line. */
        record Challenge(String base64) implements Step {
        }

        /** The client proved nothing yet: check these credentials with the {@link Authenticator}. */
        record Done(Credentials credentials) implements Step {
        }

        /** The client sent {@code *}. */
        record Cancelled() implements Step {
        }

        /** The client's data was malformed; the reason is for the log. */
        record Failed(String reason) implements Step {
        }
    }

    /**
     * Decoded credentials.
     *
     * @param authorizationId the identity to act as, or {@code null} (same as the login)
     * @param login the authentication identity
     * @param password the password
     */
    public record Credentials(String authorizationId, String login, String password) {

        @Override
        public String toString() {
            return "Credentials[login=" + login + "]";
        }
    }
}

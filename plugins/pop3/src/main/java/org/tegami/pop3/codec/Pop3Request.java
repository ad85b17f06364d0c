package org.tegami.pop3.codec;

import java.util.List;

/**
 * One parsed command line (RFC 1939 section 3).
 *
 * @param verb the keyword, upper-case ({@code RETR})
 * @param arguments the space-separated arguments
 * @param argumentText everything after the keyword and its space, as sent: PASS takes it whole,
 *     since a password may contain spaces (RFC 1939 section 7)
 */
public record Pop3Request(String verb, List<String> arguments, String argumentText) {

    public Pop3Request {
        arguments = List.copyOf(arguments);
    }

    /** The argument at {@code index}; callers check {@link #arguments()}' size first. */
    public String argument(int index) {
        return arguments.get(index);
    }

    /** Whether exactly {@code count} arguments were given. */
    public boolean hasArguments(int count) {
        return arguments.size() == count;
    }

    /** For logs: the verb alone for commands that carry secrets. */
    @Override
    public String toString() {
        return switch (verb) {
            case "PASS", "AUTH", "APOP" -> verb + " <redacted>";
            default -> argumentText.isEmpty() ? verb : verb + " " + argumentText;
        };
    }
}

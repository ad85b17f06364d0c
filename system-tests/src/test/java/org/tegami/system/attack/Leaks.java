package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks server output for Java internals: exception class names, stack frames, package names. */
final class Leaks {

    private static final Pattern INTERNALS = Pattern.compile(
            "[A-Z]\\w*(Exception|Error)\\b"          // NullPointerException, OutOfMemoryError
            + "|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("  // a stack frame
            + "|\\b(java|javax|jdk|sun|org\\.tegami|org\\.pf4j)\\.[a-z]"  // package names
            + "|\\.java:\\d+");

    private Leaks() {
    }

    /** Fails when {@code text}, read from the server, names Java internals. */
    static void assertClean(String text, String context) {
        Matcher m = INTERNALS.matcher(text);
        if (m.find()) {
            fail("Java internals (\"" + m.group() + "\") sent to the client in " + context + ": " + text);
        }
    }
}

package org.tegami.core.spool;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tegami.api.Reply;

/** Turns a stored reply line like {@code 550 5.1.1 no such user} back into a {@link Reply}. */
public final class ReplyText {

    private static final Pattern REPLY = Pattern.compile("([2-5][0-9][0-9])(?: ([245]\\.[0-9]{1,3}\\.[0-9]{1,3}))?(?: (.*))?");

    private ReplyText() {
    }

    /** @throws IllegalArgumentException when the line is no reply */
    public static Reply parse(String line) {
        Matcher m = REPLY.matcher(line == null ? "" : line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a reply: '" + line + "'");
        }
        return new Reply(Integer.parseInt(m.group(1)), m.group(2), m.group(3) == null ? "" : m.group(3));
    }
}

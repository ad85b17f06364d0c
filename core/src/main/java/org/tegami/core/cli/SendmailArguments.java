package org.tegami.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of sendmail(8) as cron, mailx, git send-email and PHP's {@code mail()} call
 * it, parsed without I/O. Options that only tune the classic sendmail's behaviour ({@code -B
 * 8BITMIME}, {@code -oem}, {@code -odi}, {@code -N never} ...) are accepted and ignored, as
 * Postfix's sendmail does; modes other than sending a message ({@code -bp}, {@code -bs},
 * {@code -q} ...) are refused with a hint.
 *
 * @param fromHeaders {@code -t}: recipients from To:, Cc: and Bcc: too
 * @param ignoreDots {@code -i}, {@code -oi}: a lone dot does not end the message
 * @param sender {@code -f} or {@code -r}, else {@code null}
 * @param fullName {@code -F}, else {@code null}
 * @param recipients the addresses given as arguments
 */
record SendmailArguments(boolean fromHeaders, boolean ignoreDots, String sender, String fullName,
        List<String> recipients) {

    /** A command line this sendmail cannot follow; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Options followed by a value, attached ({@code -Bx}) or as the next argument. */
    private static final Set<Character> WITH_VALUE = Set.of('f', 'r', 'F', 'B', 'N', 'R', 'V', 'X', 'C', 'L', 'h', 'O');
    /** Options without a value that change nothing here. */
    private static final Set<Character> IGNORED_FLAGS = Set.of('v', 'm', 'n', 'U', 'G', 'I');

    static SendmailArguments parse(List<String> args) throws UsageException {
        boolean fromHeaders = false;
        boolean ignoreDots = false;
        String sender = null;
        String fullName = null;
        List<String> rcpts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!rcpts.isEmpty() || !a.startsWith("-") || a.equals("-")) {
                rcpts.add(a);
                continue;
            }
            if (a.equals("--")) {
                rcpts.addAll(args.subList(i + 1, args.size()));
                break;
            }
            char option = a.length() > 1 ? a.charAt(1) : ' ';
            if (WITH_VALUE.contains(option)) {
                String value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    throw new UsageException(a + " needs a value");
                }
                if (option == 'f' || option == 'r') {
                    sender = value;
                } else if (option == 'F') {
                    fullName = value;
                }
            } else if (a.equals("-t")) {
                fromHeaders = true;
            } else if (a.equals("-i") || a.equals("-oi")) {
                ignoreDots = true;
            } else if (option == 'o' || option == 'e' || a.equals("-bm") || a.length() == 2 && IGNORED_FLAGS.contains(option)) {
                // -odi, -oem, -om, -em ...: delivery and error modes of the classic sendmail
            } else if (option == 'b' || option == 'q') {
                throw new UsageException(a + " is not supported: only sending a message is"
                        + " (for the queue: tegami queue)");
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return new SendmailArguments(fromHeaders, ignoreDots, sender, fullName, rcpts);
    }
}

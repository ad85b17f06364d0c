package org.tegami.imap.decode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link CommandLine} into a {@link Request}: reads the tag and verb (with the
 * {@code UID} prefix) and hands the arguments to the family's {@link CommandParser}.
 * Thread-safe.
 */
public final class RequestParser {

    private final Map<String, CommandParser> parsers = new HashMap<>();
    private final Map<String, CommandParser> uidParsers = new HashMap<>();

    public RequestParser() {
        CommandParser noArgs = new NoArgsParser();
        for (String verb : NoArgsParser.VERBS) {
            parsers.put(verb, noArgs);
        }
        CommandParser auth = new AuthParser();
        parsers.put("LOGIN", auth);
        parsers.put("AUTHENTICATE", auth);
        CommandParser mailbox = new MailboxParser();
        for (String verb : MailboxParser.VERBS) {
            parsers.put(verb, mailbox);
        }
        CommandParser list = new ListParser();
        parsers.put("LIST", list);
        parsers.put("LSUB", list);
        parsers.put("APPEND", new AppendParser());
        CommandParser quota = new QuotaParser();
        for (String verb : QuotaParser.VERBS) {
            parsers.put(verb, quota);
        }
        parsers.put("ENABLE", new EnableParser());
        parsers.put("COMPRESS", new CompressParser());
        parsers.put("ID", new IdParser());
        CommandParser fetch = new FetchParser();
        CommandParser store = new StoreParser();
        CommandParser copy = new CopyParser();
        CommandParser search = new SearchParser();
        CommandParser expunge = new ExpungeParser();
        CommandParser sort = new SortParser();
        CommandParser thread = new ThreadParser();
        for (Map<String, CommandParser> table : java.util.List.of(parsers, uidParsers)) {
            table.put("FETCH", fetch);
            table.put("STORE", store);
            table.put("COPY", copy);
            table.put("MOVE", copy);
            table.put("SEARCH", search);
            table.put("EXPUNGE", expunge);
            table.put("SORT", sort);
            table.put("THREAD", thread);
        }
    }

    /**
     * @throws BadCommandException for malformed input, with the tag set when it was readable
     */
    public Request parse(CommandLine line) throws BadCommandException {
        CommandTokenizer t = new CommandTokenizer(line);
        String tag;
        try {
            tag = t.tag();
            t.sp();
        } catch (BadCommandException e) {
            throw new BadCommandException(null, null, "Missing tag or command", false);
        }
        try {
            String verb = verb(t);
            boolean uid = verb.equals("UID");
            CommandParser parser = parsers.get(verb);
            if (uid) {
                t.sp();
                verb = verb(t);
                parser = uidParsers.get(verb);
            }
            if (parser == null) {
                throw new BadCommandException("Unknown command");
            }
            return parser.parse(tag, verb, uid, t);
        } catch (BadCommandException e) {
            return throwWithTag(e, tag);
        }
    }

    private static Request throwWithTag(BadCommandException e, String tag) throws BadCommandException {
        throw e.withTag(tag);
    }

    private static String verb(CommandTokenizer t) throws BadCommandException {
        String verb = t.charsWhile(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
        if (verb.isEmpty()) {
            throw new BadCommandException("Missing command");
        }
        return verb.toUpperCase(Locale.ROOT);
    }
}

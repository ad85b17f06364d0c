package org.tegami.imap.decode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** ID ( "(" *(string SP nstring) ")" / NIL ) (RFC 2971). */
final class IdParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        if (!t.peekIs('(')) {
            if (!t.atom().equalsIgnoreCase("NIL")) {
                throw new BadCommandException("Expected a list or NIL");
            }
            t.end();
            return new Request.Id(tag, null);
        }
        t.expect('(');
        Map<String, String> fields = new LinkedHashMap<>();
        while (!t.skip(')')) {
            if (!fields.isEmpty()) {
                t.sp();
            }
            String key = t.string();
            t.sp();
            String value = t.peekIs('"') || t.peekIs('{') ? t.string() : nil(t);
            if (fields.size() >= 30) {
                throw new BadCommandException("Too many ID fields");
            }
            fields.put(key, value);
        }
        t.end();
        return new Request.Id(tag, Collections.unmodifiableMap(fields));
    }

    private static String nil(CommandTokenizer t) throws BadCommandException {
        if (!t.atom().equalsIgnoreCase("NIL")) {
            throw new BadCommandException("Expected a string or NIL");
        }
        return null;
    }
}

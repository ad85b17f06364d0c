package org.tegami.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.ImapStrings;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/**
 * SEARCH and UID SEARCH (RFC 3501 6.4.4, 6.4.8), with ESEARCH results (RFC 4731). Charsets US-ASCII and UTF-8 are accepted
 * (strings arrive as UTF-8 either way); others answer BADCHARSET. A message expunged elsewhere
 * but still numbered matches only keys that need no content.
 */
final class SearchProcessor implements CommandProcessor<Request.Search> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Search request, ImapSession session) throws IOException {
        if (request.charset() != null && !supportedCharset(request.charset())) {
            return Completion.no("BADCHARSET (UTF-8 US-ASCII)", "Unsupported charset");
        }
        SelectedFolder folder = session.selected();
        List<Long> matchedUids = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        for (FolderTarget target : FolderTarget.matching(folder, request.key())) {
            matchedUids.add(target.info().uid());
            found.add(request.uid() ? target.info().uid() : target.sequence());
        }
        List<String> options = request.returnOptions() == null ? List.of() : request.returnOptions();
        if (options.contains("SAVE")) {
            save(folder, options, matchedUids);
            if (options.size() == 1) {
                // RFC 5182 2.1: SAVE alone answers no ESEARCH
                return Completion.ok("SEARCH completed, result saved");
            }
        }
        // RFC 9051 6.4.4: with IMAP4rev2 every SEARCH answers ESEARCH
        boolean esearch = request.returnOptions() != null || session.rev2();
        session.out().untagged(esearch ? extended(request, found) : classic(found));
        return Completion.ok("SEARCH completed");
    }

    /** US-ASCII and UTF-8, the charsets search strings may be given in (SEARCH and SORT). */
    static boolean supportedCharset(String charset) {
        String cs = charset.toUpperCase(Locale.ROOT);
        return cs.equals("UTF-8") || cs.equals("US-ASCII");
    }

    /** RFC 5182 2.4: with MIN or MAX but neither ALL nor COUNT, only the minimum and maximum are saved. */
    private static void save(SelectedFolder folder, List<String> options, List<Long> uids) {
        boolean min = options.contains("MIN");
        boolean max = options.contains("MAX");
        boolean whole = options.contains("ALL") || options.contains("COUNT") || (!min && !max);
        folder.saveResult(whole ? uids : pick(uids, min, max));
    }

    private static List<Long> pick(List<Long> uids, boolean min, boolean max) {
        if (uids.isEmpty()) {
            return uids;
        }
        List<Long> out = new ArrayList<>();
        if (min) {
            out.add(uids.get(0));
        }
        if (max && (!min || uids.size() > 1)) {
            out.add(uids.get(uids.size() - 1));
        }
        return out;
    }

    private static String classic(List<Long> found) {
        StringBuilder out = new StringBuilder("SEARCH");
        for (long n : found) {
            out.append(' ').append(n);
        }
        return out.toString();
    }

    /** RFC 4731 3: {@code ESEARCH (TAG "a") UID MIN 2 COUNT 5}; empty options mean ALL. */
    private static String extended(Request.Search request, List<Long> found) {
        List<String> options = request.returnOptions() == null || request.returnOptions().isEmpty() ? List.of("ALL")
                : request.returnOptions();
        StringBuilder out = new StringBuilder("ESEARCH (TAG ");
        ImapStrings.string(out, request.tag(), false);
        out.append(')');
        if (request.uid()) {
            out.append(" UID");
        }
        if (options.contains("MIN") && !found.isEmpty()) {
            out.append(" MIN ").append(found.get(0));
        }
        if (options.contains("MAX") && !found.isEmpty()) {
            out.append(" MAX ").append(found.get(found.size() - 1));
        }
        if (options.contains("COUNT")) {
            out.append(" COUNT ").append(found.size());
        }
        if (options.contains("ALL") && !found.isEmpty()) {
            out.append(" ALL ").append(UidSets.format(found));
        }
        return out.toString();
    }
}

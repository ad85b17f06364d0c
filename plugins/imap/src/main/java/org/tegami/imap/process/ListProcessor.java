package org.tegami.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tegami.api.MailboxException;
import org.tegami.api.UserMailbox.FolderInfo;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.ListEncoder;
import org.tegami.imap.encode.StatusEncoder;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/**
 * LIST (RFC 3501 6.3.8) with LIST-EXTENDED (RFC 5258: selection SUBSCRIBED, SPECIAL-USE,
 * REMOTE, RECURSIVEMATCH; return SUBSCRIBED, CHILDREN, SPECIAL-USE), LIST-STATUS (RFC 5819),
 * CHILDREN (RFC 3348) and SPECIAL-USE (RFC 6154) attributes, which are always sent.
 */
final class ListProcessor implements CommandProcessor<Request.ListMailboxes> {

    private static final Set<String> SELECTION = Set.of("SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE");
    private static final Set<String> RETURNS = Set.of("SUBSCRIBED", "CHILDREN", "SPECIAL-USE", "STATUS");

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.ListMailboxes request, ImapSession session) throws IOException {
        if (!SELECTION.containsAll(request.selection()) || !RETURNS.containsAll(request.returnOptions())) {
            return Completion.bad("Unsupported LIST option");
        }
        if (request.selection().contains("RECURSIVEMATCH") && !request.selection().contains("SUBSCRIBED")) {
            return Completion.bad("RECURSIVEMATCH needs another selection option");
        }
        if (request.patterns().size() == 1 && request.patterns().get(0).isEmpty()) {
            session.out().untagged(ListEncoder.encode("LIST", List.of("\\Noselect"), "", session.utf8()));
            return Completion.ok("LIST completed");
        }
        boolean onlySubscribed = request.selection().contains("SUBSCRIBED");
        boolean onlySpecial = request.selection().contains("SPECIAL-USE");
        boolean showSubscribed = onlySubscribed || request.returnOptions().contains("SUBSCRIBED");
        List<ListPattern> patterns = new ArrayList<>();
        String reference = decode(session, request.reference());
        for (String p : request.patterns()) {
            patterns.add(new ListPattern(reference, decode(session, p)));
        }
        Set<String> subscriptions = session.mailbox().subscriptions();
        Map<String, FolderInfo> existing = new LinkedHashMap<>();
        for (FolderInfo f : session.mailbox().folders()) {
            existing.put(f.name(), f);
        }
        boolean recursive = request.selection().contains("RECURSIVEMATCH");
        List<String> names = new ArrayList<>(onlySubscribed ? sorted(subscriptions) : existing.keySet());
        if (onlySubscribed && recursive) {
            // RFC 5258 3.5: parents of subscribed mailboxes are listed with CHILDINFO
            for (String parent : existing.keySet()) {
                if (!subscriptions.contains(parent) && subscriptions.stream().anyMatch(n -> n.startsWith(parent + "/"))) {
                    names.add(parent);
                }
            }
            names = sorted(new java.util.HashSet<>(names));
        }
        for (String name : names) {
            if (patterns.stream().noneMatch(p -> p.matches(name))) {
                continue;
            }
            if (onlySubscribed && !subscriptions.contains(name)) {
                session.out().untagged(ListEncoder.encode("LIST", List.of(), session.wireName(name), session.utf8())
                        + " (\"CHILDINFO\" (\"SUBSCRIBED\"))");
                continue;
            }
            FolderInfo info = existing.get(name);
            if (onlySpecial && (info == null || info.specialUse() == null)) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            if (info == null) {
                attributes.add("\\NonExistent");
            } else {
                attributes.add(info.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
                if (info.specialUse() != null) {
                    attributes.add(info.specialUse());
                }
            }
            if (showSubscribed && subscriptions.contains(name)) {
                attributes.add("\\Subscribed");
            }
            session.out().untagged(ListEncoder.encode("LIST", attributes, session.wireName(name), session.utf8()));
            if (info != null && !request.statusItems().isEmpty()) {
                status(session, name, request.statusItems());
            }
        }
        return Completion.ok("LIST completed");
    }

    private static void status(ImapSession session, String name, List<String> items) throws IOException {
        try {
            var status = session.mailbox().status(name);
            long deleted = items.contains("DELETED") ? StatusProcessor.deletedCount(session, name) : -1;
            session.out().untagged(StatusEncoder.encode(session.wireName(name), items, status, deleted, session.utf8()));
        } catch (MailboxException e) {
            // RFC 5819: a mailbox that vanished in between gets no STATUS
        }
    }

    private static List<String> sorted(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort((a, b) -> a.equals("INBOX") ? -1 : b.equals("INBOX") ? 1 : a.compareTo(b));
        return out;
    }

    /** Patterns are mailbox names with wildcards; a broken modified UTF-7 pattern is used as written. */
    static String decode(ImapSession session, String wire) {
        try {
            return session.utf8() ? wire : org.tegami.api.ModifiedUtf7.decode(wire);
        } catch (IllegalArgumentException e) {
            return wire;
        }
    }
}

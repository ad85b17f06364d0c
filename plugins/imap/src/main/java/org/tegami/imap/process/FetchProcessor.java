package org.tegami.imap.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tegami.api.Flag;
import org.tegami.api.FolderView.FlagChange;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;
import org.tegami.imap.decode.FetchItem;
import org.tegami.imap.decode.FetchItem.Attribute;
import org.tegami.imap.decode.FetchItem.Section;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.BodyStructureEncoder;
import org.tegami.imap.encode.DateEncoder;
import org.tegami.imap.encode.EnvelopeEncoder;
import org.tegami.imap.encode.FlagsEncoder;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimeParser;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/**
 * FETCH and UID FETCH (RFC 3501 6.4.5, 6.4.8): every data item, and BINARY (RFC 3516). Fetching a non-PEEK body
 * section sets \Seen (unless read-only) and reports the new FLAGS. Messages expunged elsewhere
 * but still numbered answer from what is known and make the command end in NO [EXPUNGEISSUED]
 * when their content was asked for.
 */
final class FetchProcessor implements CommandProcessor<Request.Fetch> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Fetch request, ImapSession session) throws IOException {
        SelectedFolder folder = session.selected();
        if (!request.uid() && !folder.validSequenceNumbers(request.set())) {
            return Completion.bad("Invalid message sequence number");
        }
        List<FetchItem> items = new ArrayList<>(request.items());
        if (request.uid() && !items.contains(new Attribute(FetchItem.Name.UID))) {
            items.add(0, new Attribute(FetchItem.Name.UID));
        }
        boolean setsSeen = !folder.readOnly() && items.stream().anyMatch(i -> (i instanceof Section s && !s.peek())
                || (i instanceof FetchItem.Binary b && !b.peek() && !b.sizeOnly()));
        boolean needsContent = items.stream().anyMatch(i -> i instanceof Section || i instanceof FetchItem.Binary
                || (i instanceof Attribute a
                && (a.name() == FetchItem.Name.ENVELOPE || a.name() == FetchItem.Name.BODY
                || a.name() == FetchItem.Name.BODYSTRUCTURE)));
        boolean missed = false;
        for (int seq : folder.resolve(request.set(), request.uid())) {
            long uid = folder.uid(seq);
            if (needsContent && folder.isGone(uid)) {
                missed = true;
                continue;
            }
            try {
                fetchOne(session, folder, seq, items, setsSeen);
            } catch (BinaryContent.UnknownEncoding e) {
                return Completion.no("UNKNOWN-CTE", e.getMessage());
            } catch (MailboxException e) {
                if (e.reason() != MailboxException.Reason.EXPUNGED) {
                    throw e;
                }
                missed = true;
            }
        }
        if (missed) {
            return Completion.no("EXPUNGEISSUED", "Some messages were expunged");
        }
        return Completion.ok("FETCH completed");
    }

    private static void fetchOne(ImapSession session, SelectedFolder folder, int seq, List<FetchItem> items,
            boolean setsSeen) throws IOException {
        MessageInfo info = folder.info(seq);
        long uid = info.uid();
        boolean utf8 = session.utf8();
        // Everything that can fail is prepared before the first byte of the response is written.
        List<Object> prepared = new ArrayList<>(items.size());
        for (FetchItem item : items) {
            prepared.add(prepare(item, folder, info, utf8));
        }
        boolean flagsChanged = false;
        if (setsSeen && !info.has(Flag.SEEN)) {
            MessageInfo updated = folder.view().store(uid, FlagChange.ADD, EnumSet.of(Flag.SEEN), Set.of());
            info = new MessageInfo(uid, updated.key(), updated.size(), updated.flags(), updated.keywords(),
                    updated.internalDate(), info.recent());
            folder.updated(info);
            flagsChanged = true;
        }
        ResponseWriter out = session.out();
        out.write("* " + seq + " FETCH (");
        boolean flagsSent = false;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(" ");
            }
            FetchItem item = items.get(i);
            Object value = prepared.get(i);
            if (item instanceof FetchItem.Binary b) {
                out.write(b.responseName() + " ");
                BinaryContent content = (BinaryContent) value;
                if (content == null) {
                    out.write("NIL");
                } else if (b.sizeOnly()) {
                    out.write(String.valueOf(content.size()));
                } else {
                    content.write(out, b, folder, uid);
                }
            } else if (item instanceof Section s) {
                out.write(sectionName(s) + " ");
                SectionContent content = (SectionContent) value;
                if (content.missing()) {
                    out.write("NIL");
                } else {
                    content.write(out, s, folder, uid);
                }
            } else {
                FetchItem.Name name = ((Attribute) item).name();
                flagsSent |= name == FetchItem.Name.FLAGS;
                out.write(name.wire() + " " + (name == FetchItem.Name.FLAGS ? FlagsEncoder.flags(info, folder.showsRecent()) : value));
            }
        }
        if (flagsChanged && !flagsSent) {
            out.write(" FLAGS " + FlagsEncoder.flags(info, folder.showsRecent()));
        }
        out.write(")\r\n");
    }

    private static Object prepare(FetchItem item, SelectedFolder folder, MessageInfo info, boolean utf8)
            throws IOException {
        if (item instanceof Section s) {
            return SectionContent.resolve(s, folder, info.uid(), info.size());
        }
        if (item instanceof FetchItem.Binary b) {
            return BinaryContent.resolve(b, folder, info.uid(), info.size());
        }
        return switch (((Attribute) item).name()) {
            case FLAGS -> "";
            case UID -> String.valueOf(info.uid());
            case INTERNALDATE -> DateEncoder.dateTime(info.internalDate(), ZoneId.systemDefault());
            case RFC822_SIZE -> String.valueOf(info.size());
            case ENVELOPE -> EnvelopeEncoder.encode(header(folder, info.uid()), utf8);
            case BODY -> BodyStructureEncoder.encode(folder.structure(info.uid()), false, utf8);
            case BODYSTRUCTURE -> BodyStructureEncoder.encode(folder.structure(info.uid()), true, utf8);
        };
    }

    private static MimeHeader header(SelectedFolder folder, long uid) throws IOException {
        try (InputStream in = folder.view().open(uid)) {
            return MimeParser.parseHeader(in);
        }
    }

    /** The item name in the response: BODY[spec]&lt;origin&gt;, or RFC822, RFC822.HEADER, RFC822.TEXT. */
    private static String sectionName(Section s) {
        if (s.legacyName() != null) {
            return s.legacyName();
        }
        return "BODY[" + s.spec() + "]" + (s.partialStart() >= 0 ? "<" + s.partialStart() + ">" : "");
    }
}

package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.api.UserMailbox;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.ImapStrings;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/**
 * QUOTA (RFC 2087, the {@code QUOTA} capability of RFC 9208): every folder of a user shares
 * one quota root, {@code ""}, with the one resource STORAGE in units of 1024 octets. A user
 * without a limit has no quota root. SETQUOTA is refused: limits come from the users file.
 */
final class QuotaProcessor implements CommandProcessor<Request.Quota> {

    static final String ROOT = "";

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Quota request, ImapSession session) throws IOException {
        UserMailbox mailbox = session.mailbox();
        return switch (request.verb()) {
            case "GETQUOTAROOT" -> quotaRoot(request, session, mailbox);
            case "GETQUOTA" -> {
                if (!request.name().equals(ROOT) || mailbox.quotaBytes() <= 0) {
                    yield Completion.no("NONEXISTENT", "No such quota root");
                }
                session.out().untagged(quota(mailbox, session.utf8()));
                yield Completion.ok("GETQUOTA completed");
            }
            default -> Completion.no("NOPERM", "Quotas are set by the administrator");
        };
    }

    private static Completion quotaRoot(Request.Quota request, ImapSession session, UserMailbox mailbox)
            throws IOException {
        String name = session.mailboxName(request.name());
        mailbox.status(name); // NO [NONEXISTENT] for a folder that is not there
        StringBuilder roots = new StringBuilder("QUOTAROOT ");
        ImapStrings.string(roots, session.wireName(name), session.utf8());
        if (mailbox.quotaBytes() > 0) {
            roots.append(' ');
            ImapStrings.string(roots, ROOT, session.utf8());
            session.out().untagged(roots.toString());
            session.out().untagged(quota(mailbox, session.utf8()));
        } else {
            session.out().untagged(roots.toString());
        }
        return Completion.ok("GETQUOTAROOT completed");
    }

    /** {@code QUOTA "" (STORAGE used limit)}, in KiB; usage rounded up, so a byte over shows. */
    private static String quota(UserMailbox mailbox, boolean utf8) throws IOException {
        long used = (mailbox.usedBytes() + 1023) / 1024;
        long limit = mailbox.quotaBytes() / 1024;
        StringBuilder out = new StringBuilder("QUOTA ");
        ImapStrings.string(out, ROOT, utf8);
        return out.append(" (STORAGE ").append(used).append(' ').append(limit).append(')').toString();
    }
}

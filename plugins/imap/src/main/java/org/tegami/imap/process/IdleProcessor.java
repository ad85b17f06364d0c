package org.tegami.imap.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/**
 * IDLE (RFC 2177). While the session thread waits for the client's DONE, the plugin's shared
 * {@link IdleWatcher} sends the mailbox updates as they happen, so a delivery shows as EXISTS
 * at once. The updates are stopped, and a running one finished, before the session goes on, so
 * the selected folder and the writer are never used by two threads at the same time.
 */
final class IdleProcessor implements CommandProcessor<Request.NoArgs> {

    private final IdleWatcher watcher;

    IdleProcessor(IdleWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) throws IOException {
        session.out().continuation("idling");
        session.out().flush();
        SelectedFolder folder = session.selected();
        IdleUpdates updates = folder == null ? null : watcher.watch(folder, session.out());
        byte[] line;
        session.connection().setIdleTimeout(session.config().idleTimeout());
        try {
            line = session.reader().readLine(false);
        } finally {
            if (updates != null) {
                updates.stop();
            }
            session.connection().setIdleTimeout(session.config().sessionTimeout());
        }
        if (line == null || !new String(line, StandardCharsets.US_ASCII).strip().equalsIgnoreCase("DONE")) {
            return Completion.bad("Expected DONE");
        }
        return Completion.ok("IDLE terminated");
    }
}

package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;
import org.tinylog.Logger;

/**
 * COMPRESS DEFLATE (RFC 4978): after the tagged OK, which goes out uncompressed, both
 * directions are raw DEFLATE. Logged-in sessions only: before login nothing is worth
 * compressing. A second COMPRESS gets {@code NO [COMPRESSIONACTIVE]}. The tagged line is
 * written here, so the completion returned is {@code null}, as for STARTTLS.
 */
final class CompressProcessor implements CommandProcessor<Request.Compress> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Compress request, ImapSession session) throws IOException {
        if (!request.mechanism().equals("DEFLATE")) {
            return Completion.bad("Unknown compression mechanism " + request.mechanism());
        }
        if (session.compressing()) {
            return Completion.no("COMPRESSIONACTIVE", "DEFLATE is already active");
        }
        session.out().tagged(request.tag(), "OK", null, "DEFLATE active");
        session.out().flush();
        session.startCompression();
        Logger.tag("imap").debug("compression on");
        return null;
    }
}

package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.codec.ChunkReader;
import org.tegami.smtp.codec.RequestParser;
import org.tegami.smtp.codec.SmtpReply;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/**
 * BDAT (RFC 3030 2): {@code BDAT size [LAST]}. Legal in every state as far as the table is
 * concerned, because a refused BDAT's octets are on their way all the same and must be skipped,
 * not read as commands.
 */
final class BdatCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "BDAT";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        ChunkReader.Chunk chunk = RequestParser.parseChunk(argument);
        if (chunk == null) {
            return Response.reply(501, "5.5.4", "Syntax: BDAT size [LAST]");
        }
        if (!session.extended()) {
            return new Response.SkipChunk(chunk.size(), SmtpReply.of(503, "5.5.1", "BDAT needs EHLO"));
        }
        if (session.state() != SmtpState.RCPT) {
            String text = session.state() == SmtpState.MAIL ? "Send RCPT first" : "Send MAIL first";
            return new Response.SkipChunk(chunk.size(), SmtpReply.of(503, "5.5.1", text));
        }
        return new Response.ReceiveChunk(chunk.size(), chunk.last());
    }
}

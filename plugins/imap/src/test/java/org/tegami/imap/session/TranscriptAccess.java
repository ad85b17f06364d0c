package org.tegami.imap.session;

import java.util.List;

/** Lets the socket tests run the same transcript list. */
public final class TranscriptAccess {

    private TranscriptAccess() {
    }

    public static List<String> names() throws Exception {
        return TranscriptTest.transcripts();
    }
}

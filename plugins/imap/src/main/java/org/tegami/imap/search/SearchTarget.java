package org.tegami.imap.search;

import java.io.IOException;
import java.io.InputStream;
import org.tegami.api.MessageInfo;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimePart;

/** One message as SEARCH sees it; content is read only when a key needs it. */
public interface SearchTarget {

    /** The message sequence number. */
    int sequence();

    MessageInfo info();

    /** The top-level header. */
    MimeHeader header() throws IOException;

    /** The parsed structure. */
    MimePart structure() throws IOException;

    /** The message bytes from the start. */
    InputStream open() throws IOException;
}

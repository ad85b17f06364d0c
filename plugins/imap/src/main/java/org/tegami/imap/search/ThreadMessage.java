package org.tegami.imap.search;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.tegami.api.MailboxException;
import org.tegami.imap.mime.MimeHeader;

/**
 * What THREAD needs of one message (RFC 5256 2.2, 3): its sequence number, Message-ID,
 * references, Subject: and sent date.
 *
 * @param sequence the message sequence number, the last tie-breaker of every order
 * @param messageId the first valid Message-ID, or {@code null}
 * @param references the parent chain from References: (or In-Reply-To:), oldest first
 * @param subject the raw Subject:, or {@code null}
 * @param sent the sent date (Date: in UTC, else INTERNALDATE)
 */
public record ThreadMessage(int sequence, String messageId, List<String> references, String subject, Instant sent) {

    /** RFC 5256 2.2: by sent date, equal dates by sequence number. */
    public static final Comparator<ThreadMessage> BY_SENT_DATE = Comparator.comparing(ThreadMessage::sent)
            .thenComparingInt(ThreadMessage::sequence);

    public ThreadMessage {
        references = List.copyOf(references);
    }

    /**
     * Reads the header fields of a message. A message expunged by another session has no
     * header any more: it threads as if its header were empty, as SORT sorts it.
     */
    public static ThreadMessage of(SearchTarget m) throws IOException {
        MimeHeader header;
        try {
            header = m.header();
        } catch (MailboxException e) {
            header = null;
        }
        Instant internalDate = m.info().internalDate();
        if (header == null) {
            return new ThreadMessage(m.sequence(), null, List.of(), null, internalDate);
        }
        Instant sent = HeaderDate.parse(header.get("Date"));
        return new ThreadMessage(m.sequence(), MessageIds.first(header.get("Message-ID")),
                MessageIds.references(header.get("References"), header.get("In-Reply-To")), header.get("Subject"),
                sent == null ? internalDate : sent);
    }

    /** The base subject folded by i;ascii-casemap, the key THREAD groups by. */
    String subjectKey() {
        return SortOrder.casemap(BaseSubject.of(subject));
    }
}

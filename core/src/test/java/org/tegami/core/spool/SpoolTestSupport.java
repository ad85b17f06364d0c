package org.tegami.core.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;

/** Envelopes and messages for spool tests. */
public final class SpoolTestSupport {

    private SpoolTestSupport() {
    }

    public static Envelope envelope(String sender, String... recipients) {
        List<Recipient> rs = Arrays.stream(recipients).map(r -> Recipient.of(MailAddress.parse(r))).toList();
        return new Envelope(MailAddress.parse(sender), rs, Map.of(), Envelope.Origin.LOCAL);
    }

    public static byte[] message(String subject) {
        return ("From: a@example.com\r\nTo: b@localhost\r\nSubject: " + subject + "\r\n\r\nHello.\r\nFrom here on\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static String accept(Spool spool, String subject, String sender, String... recipients) throws IOException {
        return spool.accept(envelope(sender, recipients), new ByteArrayInputStream(message(subject)));
    }
}

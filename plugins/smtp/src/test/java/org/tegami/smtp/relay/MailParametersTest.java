package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;

class MailParametersTest {

    private static final MailAddress BOB = MailAddress.parse("bob@example.test");
    private static final Capabilities ALL = Capabilities.fromEhlo(new RemoteReply(250, null,
            List.of("mx", "SIZE 1000000", "8BITMIME", "SMTPUTF8", "DSN", "PIPELINING")));
    private static final Capabilities NONE = Capabilities.NONE;

    private static Envelope envelope(Map<String, String> params, Recipient... recipients) {
        return new Envelope(MailAddress.parse("alice@origin.test"), List.of(recipients), params, null);
    }

    @Test
    void mailFromCarriesWhatTheServerSupports() {
        Envelope e = envelope(Map.of("BODY", "8BITMIME", "SMTPUTF8", "", "RET", "hdrs", "ENVID", "x+2Bid"), Recipient.of(BOB));
        assertEquals("MAIL FROM:<alice@origin.test> SIZE=1234 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=x+2Bid",
                MailParameters.mailFrom(e, 1234, ALL));
        assertEquals("MAIL FROM:<alice@origin.test>", MailParameters.mailFrom(e, 1234, NONE));
    }

    @Test
    void nullSenderIsWrittenEmpty() {
        Envelope e = new Envelope(MailAddress.NULL_SENDER, List.of(Recipient.of(BOB)), Map.of(), null);
        assertEquals("MAIL FROM:<>", MailParameters.mailFrom(e, 0, NONE));
    }

    @Test
    void rcptToCarriesDsnParameters() {
        Envelope e = envelope(Map.of(), new Recipient(BOB, "never", "rfc822;bob@example.test"));
        assertEquals("RCPT TO:<bob@example.test> NOTIFY=NEVER ORCPT=rfc822;bob@example.test", MailParameters.rcptTo(BOB, e, ALL));
        assertEquals("RCPT TO:<bob@example.test>", MailParameters.rcptTo(BOB, e, NONE));
    }

    @Test
    void recipientsAddedByRoutingHaveNoDsnParameters() {
        Envelope e = envelope(Map.of(), new Recipient(MailAddress.parse("alias@origin.test"), "SUCCESS", null));
        assertEquals("RCPT TO:<bob@example.test>", MailParameters.rcptTo(BOB, e, ALL));
    }

    @Test
    void knowsWhenSmtpUtf8IsNeeded() {
        assertFalse(MailParameters.needsSmtpUtf8(envelope(Map.of(), Recipient.of(BOB)), List.of(BOB)));
        assertTrue(MailParameters.needsSmtpUtf8(envelope(Map.of("SMTPUTF8", ""), Recipient.of(BOB)), List.of(BOB)));
        MailAddress juergen = MailAddress.parse("jürgen@example.test");
        assertTrue(MailParameters.needsSmtpUtf8(envelope(Map.of(), Recipient.of(juergen)), List.of(juergen)));
    }

    @Test
    void sevenBitBodiesAreNotEightBit() {
        assertFalse(MailParameters.isEightBit(envelope(Map.of("BODY", "7BIT"), Recipient.of(BOB))));
        assertFalse(MailParameters.isEightBit(envelope(Map.of(), Recipient.of(BOB))));
        assertTrue(MailParameters.isEightBit(envelope(Map.of("BODY", "8BITMIME"), Recipient.of(BOB))));
    }

    @Test
    void internationalDomainsGoAsALabelsOutsideSmtpUtf8() {
        MailAddress idn = MailAddress.parse("bob@bücher.example");
        Envelope e = envelope(Map.of(), Recipient.of(idn));
        assertFalse(MailParameters.needsSmtpUtf8(e, List.of(idn)));
        assertEquals("RCPT TO:<bob@xn--bcher-kva.example>", MailParameters.rcptTo(idn, e, ALL));
        Envelope utf8 = envelope(Map.of("SMTPUTF8", ""), Recipient.of(idn));
        assertEquals("RCPT TO:<bob@bücher.example>", MailParameters.rcptTo(idn, utf8, ALL));
    }
}

package org.tegami.smtp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForgedResultsFilterTest {

    private static final String HOST = "mx.example.org";

    @ParameterizedTest
    @ValueSource(strings = {
        "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=a@b.example\r\n",
        "authentication-results: MX.Example.ORG; spf=pass\r\n",
        "Authentication-Results:mx.example.org;spf=pass\r\n",
        "Authentication-Results: (checked here) mx.example.org; dkim=pass\r\n",
        "Authentication-Results: \"mx.example.org\"; spf=pass\r\n",
        "Authentication-Results: mx.example.org 1; spf=pass\r\n",
        "Authentication-Results: mx.example.org; none\r\n",
        "Authentication-Results: mx.example.org\r\n",
        "Authentication-Results:\r\n\tmx.example.org;\r\n\tspf=pass (forged)\r\n\tsmtp.mailfrom=x@y.example\r\n",
        "Authentication-Results : mx.example.org; spf=pass\r\n",
    })
    void fieldsInOurNameAreDropped(String forged) throws IOException {
        String message = "From: a@b.example\r\n" + forged + "Subject: hi\r\n\r\nbody\r\n";
        assertEquals("From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n", filtered(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Authentication-Results: mx.other.example; spf=pass\r\n",
        "Authentication-Results: mx.example.org.evil.example; spf=pass\r\n",
        "Authentication-Results: evil-mx.example.org; spf=pass\r\n",
        "X-Authentication-Results: mx.example.org; spf=pass\r\n",
        "Received-SPF: pass (mx.example.org: domain of a@b.example designates 192.0.2.1)\r\n",
        "Authentication-Results: (mx.example.org) other.example; spf=pass\r\n",
    })
    void otherFieldsStay(String field) throws IOException {
        String message = "From: a@b.example\r\n" + field + "Subject: hi\r\n\r\nbody\r\n";
        assertEquals(message, filtered(message));
    }

    @Test
    void theBodyIsNotTouched() throws IOException {
        String message = "Subject: quoting\r\n\r\nAuthentication-Results: mx.example.org; spf=pass\r\n"
                + "\tfolded\r\n";
        assertEquals(message, filtered(message));
    }

    @Test
    void severalForgedFieldsAmongFoldedOnesAllGo() throws IOException {
        String message = "Received: from a\r\n\tby b; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                + "Authentication-Results: mx.example.org; spf=pass\r\n"
                + "Authentication-Results: elsewhere.example; dkim=fail\r\n"
                + "Authentication-Results: mx.example.org;\r\n dkim=pass\r\n"
                + "Subject: x\r\n\r\n.";
        assertEquals("Received: from a\r\n\tby b; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                + "Authentication-Results: elsewhere.example; dkim=fail\r\n"
                + "Subject: x\r\n\r\n.", filtered(message));
    }

    @Test
    void aHeaderWithoutBodyOrEndingInsideAFieldKeepsWhatIsNotOurs() throws IOException {
        assertEquals("Subject: x\r\n", filtered("Subject: x\r\nAuthentication-Results: mx.example.org; spf=pass"));
        assertEquals("Subject: x\r\n\tand more", filtered("Subject: x\r\n\tand more"));
        assertEquals("", filtered(""));
    }

    @Test
    void malformedLinesDoNotEndTheHeader() throws IOException {
        // Mail readers still read the lines after a malformed one as header fields.
        String forged = "Authentication-Results: mx.example.org; spf=pass\r\n";
        assertEquals("Subject: x\r\nnot a field\r\n\r\nbody",
                filtered("Subject: x\r\nnot a field\r\n" + forged + "\r\nbody"));
        assertEquals("A\u00dc : 1\r\n\r\n", filtered("A\u00dc : 1\r\n" + forged + "\r\n"));
    }

    @Test
    void lineLongerThanAnyFieldFollowsTheDecisionOnItsStart() throws IOException {
        String padding = "x".repeat(3 * ForgedResultsFilter.MAX_FIELD);
        String ours = "Authentication-Results: mx.example.org; spf=pass " + padding + "\r\n\tmore\r\n";
        String theirs = "X-Long: " + padding + "\r\n\tmore\r\n";
        assertEquals("A: 1\r\nB: 2\r\n\r\nbody", filtered("A: 1\r\n" + ours + "B: 2\r\n\r\nbody"));
        assertEquals("A: 1\r\n" + theirs + "B: 2\r\n" + "Authentication-Results: x.example; none\r\n\r\nbody",
                filtered("A: 1\r\n" + theirs + "B: 2\r\n" + "Authentication-Results: x.example; none\r\n"
                        + "Authentication-Results: mx.example.org; none\r\n\r\nbody"));
    }

    @Test
    void aHugeForgedFieldIsDroppedWholeAndAHugeOtherOnePassesWhole() throws IOException {
        StringBuilder folded = new StringBuilder();
        while (folded.length() < 3 * ForgedResultsFilter.MAX_FIELD) {
            folded.append("\tspf=pass smtp.mailfrom=someone@example.com\r\n");
        }
        String ours = "Authentication-Results: mx.example.org;\r\n" + folded;
        String theirs = "Authentication-Results: other.example;\r\n" + folded;
        assertEquals("A: 1\r\nB: 2\r\n\r\nbody", filtered("A: 1\r\n" + ours + "B: 2\r\n\r\nbody"));
        assertEquals("A: 1\r\n" + theirs + "B: 2\r\n\r\nbody", filtered("A: 1\r\n" + theirs + "B: 2\r\n\r\nbody"));
    }

    @Test
    void readingByteByByteGivesTheSameBytes() throws IOException {
        String message = "A: 1\r\nAuthentication-Results: mx.example.org; spf=pass\r\n\tx\r\nB: 2\r\n\r\nbody\r\n";
        InputStream in = new ForgedResultsFilter(stream(message), HOST);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            out.write(c);
        }
        assertEquals("A: 1\r\nB: 2\r\n\r\nbody\r\n", out.toString(StandardCharsets.ISO_8859_1));
    }

    private static String filtered(String message) throws IOException {
        return new String(new ForgedResultsFilter(stream(message), HOST).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}

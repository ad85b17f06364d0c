package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tegami.imap.mime.QuotedPrintableInputStream;

class BodyTextTest {

    @Test
    void findsTheNeedleAcrossWindowBoundaries() throws Exception {
        String text = "x".repeat(64 * 1024 - 3) + "NeedLe" + "y".repeat(100);
        assertTrue(BodyText.scan(new StringReader(text), "needle"));
        assertFalse(BodyText.scan(new StringReader(text), "needles"));
        assertTrue(BodyText.scan(new StringReader("z".repeat(300_000) + "end"), "zend"));
    }

    @Test
    void decodesQuotedPrintableWhileReading() throws Exception {
        String qp = "Gr=C3=BC=C3=9Fe=\r\n aus=20M=C3=BCnchen =XY and =";
        byte[] decoded = new QuotedPrintableInputStream(new ByteArrayInputStream(qp.getBytes(StandardCharsets.US_ASCII)))
                .readAllBytes();
        assertArrayEquals("Grüße aus München =XY and =".getBytes(StandardCharsets.UTF_8), decoded);
    }
}

package org.tegami.imap.process;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimeParser;

class HeaderCacheTest {

    private static MimeHeader header(String subject) throws IOException {
        return MimeParser.parseHeader(new ByteArrayInputStream(
                ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void keepsTheMostRecentlyUsedWithinItsCapacity() throws IOException {
        HeaderCache cache = new HeaderCache(2);
        MimeHeader a = header("a");
        cache.put("a", a);
        cache.put("b", header("b"));
        assertSame(a, cache.get("a")); // a is now the most recently used
        cache.put("c", header("c"));
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
    }
}

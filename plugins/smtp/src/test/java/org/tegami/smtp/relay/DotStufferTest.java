package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStufferTest {

    private static String stuff(String content, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffer s = new DotStuffer(out);
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            int n = Math.min(chunk, bytes.length - i);
            if (n == 1) {
                s.write(bytes[i]);
            } else {
                s.write(bytes, i, n);
            }
        }
        s.finish();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void doublesDotsAtLineStartsWhateverTheChunking() throws IOException {
        String content = ".first\r\nmid.dle\r\n.\r\n..\r\nlast\r\n";
        String expected = "..first\r\nmid.dle\r\n..\r\n...\r\nlast\r\n.\r\n";
        for (int chunk = 1; chunk <= content.length(); chunk++) {
            assertEquals(expected, stuff(content, chunk), "chunk " + chunk);
        }
    }

    @Test
    void addsTheMissingFinalLineEnd() throws IOException {
        assertEquals("no end\r\n.\r\n", stuff("no end", 4));
        assertEquals("cr only\r\r\n.\r\n", stuff("cr only\r", 100));
    }

    @Test
    void emptyContentIsAnEmptyLine() throws IOException {
        assertEquals("\r\n.\r\n", stuff("", 1));
    }

    @Test
    void leavesOtherBytesAlone() throws IOException {
        String content = "Gr\u00fc\u00dfe\r\n\u00ff.\r\n";
        assertEquals(content + ".\r\n", stuff(content, 3));
    }
}

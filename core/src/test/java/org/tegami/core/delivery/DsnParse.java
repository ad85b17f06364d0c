package org.tegami.core.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads a DSN back with Angus Mail, as a mail client would. */
final class DsnParse {

    record Report(Map<String, String> perMessage, List<Map<String, String>> recipients, String returnedType,
            String returned) {
    }

    private DsnParse() {
    }

    static Report read(Path file) throws Exception {
        MimeMessage m;
        try (InputStream in = Files.newInputStream(file)) {
            m = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        if (!m.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            throw new AssertionError("not a report: " + m.getContentType());
        }
        MimeMultipart mp = new MimeMultipart(m.getDataHandler().getDataSource());
        if (mp.getCount() != 3) {
            throw new AssertionError("expected 3 parts, got " + mp.getCount());
        }
        String status = text(mp.getBodyPart(1));
        String[] blocks = status.replace("\r\n", "\n").strip().split("\n\n");
        List<Map<String, String>> rcpts = new ArrayList<>();
        for (int i = 1; i < blocks.length; i++) {
            rcpts.add(fields(blocks[i]));
        }
        BodyPart returned = mp.getBodyPart(2);
        return new Report(fields(blocks[0]), rcpts, returned.getContentType().toLowerCase(Locale.ROOT), text(returned));
    }

    private static String text(BodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = part.getInputStream()) {
            in.transferTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> fields(String block) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : block.split("\n")) {
            int colon = line.indexOf(':');
            f.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return f;
    }
}

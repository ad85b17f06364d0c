package org.tegami.pop3.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Writes a reproducible mailbox of messages of mixed sizes: the first at the largest size, the
 * rest skewed towards small ones as in real mailboxes. Bodies hold what trips up POP3 code:
 * lines starting with a dot, lines of a lone dot, empty lines, 8-bit UTF-8 text, long lines.
 */
public final class MixedMailbox {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final String WORDS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;:-";

    private MixedMailbox() {
    }

    /** @return the message files, in delivery order */
    public static List<Path> write(Path dir, int count, int maxSize, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            long size = i == 0 ? maxSize : Math.round(300 * Math.pow(maxSize / 300.0, u * u * u));
            Path file = dir.resolve(String.format("%05d.eml", i + 1));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                writeMessage(out, i + 1, size, random);
            }
            files.add(file);
        }
        return files;
    }

    private static void writeMessage(OutputStream out, int number, long size, Random random) throws IOException {
        String header = "From: Sender <sender@example.org>\r\nTo: alice@localhost\r\n"
                + "Subject: message " + number + " \u00e9t\u00e9\r\n"
                + "Message-ID: <" + number + "." + random.nextInt(1_000_000) + "@example.org>\r\n"
                + "Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        out.write(head);
        long written = head.length;
        while (written < size) {
            byte[] line = line(random);
            out.write(line);
            out.write(CRLF);
            written += line.length + 2;
        }
    }

    private static byte[] line(Random random) {
        int kind = random.nextInt(40);
        switch (kind) {
            case 0:
                return ".".getBytes(StandardCharsets.US_ASCII);
            case 1:
                return "..double dot".getBytes(StandardCharsets.US_ASCII);
            case 2:
                return new byte[0];
            case 3:
                return "gr\u00fc\u00dfe aus \u6771\u4eac, \u043f\u0440\u0438\u0432\u0435\u0442".getBytes(StandardCharsets.UTF_8);
            default:
                int length = kind == 4 ? 500 + random.nextInt(498) : random.nextInt(78);
                StringBuilder text = new StringBuilder(length + 1);
                if (kind == 5) {
                    text.append('.');
                }
                for (int i = 0; i < length; i++) {
                    text.append(WORDS.charAt(random.nextInt(WORDS.length())));
                }
                return text.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** SHA-256 of a stream, hex. */
    public static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.newInputStream(file));
    }
}

package org.tegami.pop3.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The UIDL unique-id of a message: its Maildir base name, which IMAP and other Maildir tools
 * see too. RFC 1939 section 7 allows 1 to 70 characters from 0x21 to 0x7E; a base name
 * outside that (a long host name part) is replaced by a hash of it, still stable across
 * sessions.
 */
final class UniqueId {

    private static final int MAX_LENGTH = 70;

    private UniqueId() {
    }

    static String of(String maildirKey) {
        if (isValid(maildirKey)) {
            return maildirKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(maildirKey.getBytes(StandardCharsets.UTF_8));
            return "H" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isValid(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}

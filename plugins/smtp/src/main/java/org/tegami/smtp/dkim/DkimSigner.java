package org.tegami.smtp.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a {@code DKIM-Signature} field (RFC 6376 3.5, 3.7, 5), relaxed/relaxed, for
 * {@code rsa-sha256} or, with an Ed25519 key, {@code ed25519-sha256} (RFC 8463 3). Stateless
 * and thread-safe; the caller gives the header fields and the body hash ({@link RelaxedBody}).
 */
public final class DkimSigner {

    /** The fields signed when present (RFC 6376 5.4.1 lists these as the useful ones). */
    public static final List<String> SIGNED_FIELDS = List.of("From", "To", "Cc", "Subject", "Date", "Message-ID",
            "Reply-To", "In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding");

    private DkimSigner() {
    }

    /**
     * The {@code h=} list for a message: each of {@link #SIGNED_FIELDS} as often as it is
     * present, and From once more, so that a From added later breaks the signature
     * (RFC 6376 5.4.2, 8.15).
     */
    public static List<String> fieldsToSign(List<HeaderField> fields) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED_FIELDS) {
            long count = fields.stream().filter(f -> f.is(name)).count();
            for (long i = 0; i < count; i++) {
                names.add(name);
            }
            if (name.equals("From")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The tags of a signature made now by this server, in order, without {@code b=}. */
    public static Map<String, String> tags(DkimKey key, long unixTime, List<String> names, byte[] bodyHash) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("v", "1");
        tags.put("a", key.algorithm());
        tags.put("c", "relaxed/relaxed");
        tags.put("d", key.domain());
        tags.put("s", key.selector());
        tags.put("t", Long.toString(unixTime));
        tags.put("h", String.join(":", names));
        tags.put("bh", Base64.getEncoder().encodeToString(bodyHash));
        return tags;
    }

    /**
     * Signs and returns the whole {@code DKIM-Signature} field, folded, with its final CRLF,
     * as ISO-8859-1 characters.
     *
     * @param tags the tags in the order written, without {@code b=} (see {@link #tags})
     * @param names the fields to sign, as listed in {@code h=}
     * @param fields the message's header fields, top to bottom
     * @throws GeneralSecurityException if the key cannot sign
     */
    public static String sign(DkimKey key, Map<String, String> tags, List<String> names, List<HeaderField> fields)
            throws GeneralSecurityException {
        FoldedHeader header = new FoldedHeader("DKIM-Signature");
        tags.forEach((name, value) -> addTag(header, name, value));
        header.spaced("b=");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // RFC 6376 3.7: the signed fields, then this field with an empty b= and no final CRLF.
        StringBuilder data = new StringBuilder();
        for (HeaderField field : select(names, fields)) {
            data.append(RelaxedHeader.canonicalize(field.raw()));
        }
        String self = RelaxedHeader.canonicalize(header.text());
        data.append(self, 0, self.length() - 2);
        byte[] bytes = data.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] signature;
        if (key.isEd25519()) {
            // RFC 8463 3: PureEdDSA over the SHA-256 hash of the data.
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key.privateKey());
            ed.update(sha256.digest(bytes));
            signature = ed.sign();
        } else {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(bytes);
            signature = rsa.sign();
        }
        header.breakable(Base64.getEncoder().encodeToString(signature));
        return header.text() + "\r\n";
    }

    /**
     * The fields named, each name taking the instances from the bottom up; a name listed
     * more often than present selects nothing more (RFC 6376 5.4.2).
     */
    static List<HeaderField> select(List<String> names, List<HeaderField> fields) {
        Map<String, Integer> used = new HashMap<>();
        List<HeaderField> chosen = new ArrayList<>();
        for (String name : names) {
            List<HeaderField> same = fields.stream().filter(f -> f.is(name.strip())).toList();
            int taken = used.merge(name.strip().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            if (taken <= same.size()) {
                chosen.add(same.get(same.size() - taken));
            }
        }
        return chosen;
    }

    /** One tag, breakable at the spaces of its value and after each colon of a list. */
    private static void addTag(FoldedHeader header, String name, String value) {
        String[] words = (value + ";").split(" ");
        for (int w = 0; w < words.length; w++) {
            String[] parts = words[w].split("(?<=:)");
            for (int p = 0; p < parts.length; p++) {
                String piece = w == 0 && p == 0 ? name + "=" + parts[p] : parts[p];
                if (p == 0) {
                    header.spaced(piece);
                } else {
                    header.joined(piece);
                }
            }
        }
    }
}

package org.tegami.smtp.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small DKIM verifier (RFC 6376 6.1) for tests: the topmost signature, relaxed/relaxed only. */
public final class TestVerifier {


    private TestVerifier() {
    }

    /** The tags of a DKIM-Signature value, white space removed. */
    public static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            String p = part.replaceAll("[ \t\r\n]", "");
            if (!p.isEmpty()) {
                int eq = p.indexOf('=');
                tags.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return tags;
    }

    /**
     * Checks the topmost DKIM-Signature of a whole message with the key given.
     *
     * @throws AssertionError saying what does not match
     */
    public static Map<String, String> verify(byte[] message, PublicKey key) throws GeneralSecurityException {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        List<HeaderField> fields = HeaderSplitter.split(text.substring(0, end + 2));
        byte[] body = Arrays.copyOfRange(message, end + 4, message.length);
        HeaderField sig = fields.stream().filter(f -> f.is("DKIM-Signature")).findFirst()
                .orElseThrow(() -> new AssertionError("no DKIM-Signature"));
        Map<String, String> tags = tags(sig.value());
        if (!"relaxed/relaxed".equals(tags.get("c"))) {
            throw new AssertionError("c= is not relaxed/relaxed: " + tags.get("c"));
        }
        RelaxedBody relaxed = new RelaxedBody();
        relaxed.update(body, 0, body.length);
        String bh = Base64.getEncoder().encodeToString(relaxed.finish());
        if (!bh.equals(tags.get("bh"))) {
            throw new AssertionError("body hash " + bh + " but bh=" + tags.get("bh"));
        }
        StringBuilder data = new StringBuilder();
        List<String> names = List.of(tags.get("h").split(":"));
        // The signature's own field does not count among the fields above it.
        List<HeaderField> others = fields.stream().filter(f -> f != sig).toList();
        for (HeaderField f : DkimSigner.select(names, others)) {
            data.append(RelaxedHeader.canonicalize(f.raw()));
        }
        Matcher m = Pattern.compile("(^|;)([ \t\r\n]*b[ \t\r\n]*=)[^;]*").matcher(sig.raw().substring(0, sig.raw().length() - 2));
        if (!m.find()) {
            throw new AssertionError("no b= tag");
        }
        String withoutB = sig.raw().substring(0, m.start()) + m.group(1) + m.group(2)
                + sig.raw().substring(m.end(), sig.raw().length() - 2);
        String self = RelaxedHeader.canonicalize(withoutB);
        data.append(self, 0, self.length() - 2);
        byte[] bytes = data.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] signature = Base64.getDecoder().decode(tags.get("b"));
        Signature verifier;
        if ("ed25519-sha256".equals(tags.get("a"))) {
            verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(MessageDigest.getInstance("SHA-256").digest(bytes));
        } else {
            verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(bytes);
        }
        if (!verifier.verify(signature)) {
            throw new AssertionError("signature does not verify");
        }
        return tags;
    }
}

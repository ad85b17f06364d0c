package org.tegami.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {@code {ARGON2ID}}: Argon2id (RFC 9106) in the PHC string format that libargon2 and Dovecot
 * write: {@code $argon2id$v=19$m=65536,t=3,p=1$salt$hash}, salt and hash in unpadded standard
 * base64. Memory is bounded so that a hostile or mistyped line cannot exhaust the heap.
 */
public final class Argon2idScheme implements PasswordScheme {

    /** The largest memory cost accepted, in KiB (1 GiB). */
    static final int MAX_MEMORY_KIB = 1 << 20;

    private static final Pattern SHAPE = Pattern.compile(
            "\\$argon2id(?:\\$v=(16|19))?\\$m=([0-9]{1,8}),t=([0-9]{1,4}),p=([0-9]{1,3})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{16,})");

    @Override
    public String name() {
        return "ARGON2ID";
    }

    @Override
    public boolean wellFormed(String stored) {
        Matcher m = SHAPE.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(2));
        int iterations = Integer.parseInt(m.group(3));
        int lanes = Integer.parseInt(m.group(4));
        return lanes >= 1 && iterations >= 1 && memory >= 8 * lanes && memory <= MAX_MEMORY_KIB
                && decodes(m.group(5)) && decodes(m.group(6));
    }

    @Override
    public boolean verify(String password, String stored) {
        if (!wellFormed(stored)) {
            return false;
        }
        Matcher m = SHAPE.matcher(stored);
        m.matches();
        int version = m.group(1) == null || m.group(1).equals("16")
                ? Argon2Parameters.ARGON2_VERSION_10 : Argon2Parameters.ARGON2_VERSION_13;
        byte[] expected = Base64.getDecoder().decode(m.group(6));
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(version)
                .withMemoryAsKB(Integer.parseInt(m.group(2)))
                .withIterations(Integer.parseInt(m.group(3)))
                .withParallelism(Integer.parseInt(m.group(4)))
                .withSalt(Base64.getDecoder().decode(m.group(5)))
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] actual = new byte[expected.length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), actual);
        return MessageDigest.isEqual(expected, actual);
    }

    private static boolean decodes(String unpadded) {
        try {
            Base64.getDecoder().decode(unpadded);
            return unpadded.length() % 4 != 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

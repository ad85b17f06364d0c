package org.tegami.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordSchemesTest {

    /** Test vectors of Drepper's "Unix crypt using SHA-256 and SHA-512", SHA-512 part. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$6$saltstring|Hello world!|$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
        "$6$rounds=10000$saltstringsaltstring|Hello world!|$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
        "$6$rounds=5000$toolongsaltstring|This is just a test|$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0",
        "$6$rounds=1400$anotherlongsaltstring|a very much longer text to encrypt.  This one even stretches over morethan one line.|$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1",
        "$6$rounds=10$roundstoolow|the minimum number is still observed|$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.",
    })
    void sha512CryptMatchesSpecificationVectors(String setting, String key, String expected) {
        assertEquals(expected, Sha512CryptScheme.crypt(key.getBytes(StandardCharsets.UTF_8), setting));
    }

    @Test
    void sha512CryptVerifiesGlibcHashOfLongUtf8Password() {
        // Made with glibc crypt(3): covers passwords longer than one 64-byte block and non-ASCII.
        String stored = "{SHA512-CRYPT}$6$x1y2z3$j/N5/IvjQcbmAfQeKP4QUs/7YA.IRv7Z2dLjPTAMnHbmbm/rp8aPw7adIY6YYG42RB.Kat5L.h.5zri6kyb0V.";
        String password = "pässwörd mit ümlauts and a password longer than sixty-four bytes to cover the block loop!!";
        assertTrue(PasswordSchemes.verify(password, stored));
        assertFalse(PasswordSchemes.verify(password + "!", stored));
    }

    /** Vectors of the Openwall crypt_blowfish test suite. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "U*U|{BLF-CRYPT}$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "U*U*|{BLF-CRYPT}$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK",
        "U*U*U|{BLF-CRYPT}$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a",
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored|{BLF-CRYPT}$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui",
        "U*U|{CRYPT}$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
    })
    void blfCryptVerifiesReferenceHashes(String password, String stored) {
        assertTrue(PasswordSchemes.verify(password, stored));
        assertFalse(PasswordSchemes.verify(password.substring(1), stored));
    }

    /** Vectors of the Argon2 reference implementation's tests (password "password", salt "somesalt"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ARGON2ID}$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "{ARGON2ID}$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
    })
    void argon2idVerifiesReferenceHashes(String stored) {
        assertTrue(PasswordSchemes.verify("password", stored));
        assertFalse(PasswordSchemes.verify("passwore", stored));
    }

    @Test
    void argon2idRefusesMemoryBeyondTheCap() {
        String huge = "{ARGON2ID}$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
        assertTrue(PasswordSchemes.parse(huge).isEmpty());
    }

    @Test
    void sha512AndSalted() {
        // base64(SHA-512("secret")) and base64(SHA-512("secret" + 01..08) + 01..08), as doveadm pw writes them.
        assertTrue(PasswordSchemes.verify("secret",
                "{SHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg=="));
        assertTrue(PasswordSchemes.verify("secret",
                "{SSHA512}KO8EsMPQTwZrxxbOkDAOOXEeVCc2grMQg1pnZwZhC1bBQLby8zCmFn7qTZRvoTd+yQdROQQNYHWpTUST4zjTdQECAwQFBgcI"));
        assertFalse(PasswordSchemes.verify("Secret",
                "{SSHA512}KO8EsMPQTwZrxxbOkDAOOXEeVCc2grMQg1pnZwZhC1bBQLby8zCmFn7qTZRvoTd+yQdROQQNYHWpTUST4zjTdQECAwQFBgcI"));
    }

    @Test
    void plainAndCleartext() {
        assertTrue(PasswordSchemes.verify("pw", "{PLAIN}pw"));
        assertTrue(PasswordSchemes.verify("pw", "{cleartext}pw"));
        assertFalse(PasswordSchemes.verify("pw", "{PLAIN}pw2"));
    }

    @Test
    void unknownOrMalformedNeverVerifies() {
        assertFalse(PasswordSchemes.verify("x", "{MD5}abc"));
        assertEquals("unknown password scheme {MD5}", PasswordSchemes.problem("{MD5}abc"));
        assertFalse(PasswordSchemes.verify("x", "{BLF-CRYPT}$2y$12$short"));
        assertEquals("malformed {BLF-CRYPT} hash", PasswordSchemes.problem("{BLF-CRYPT}$2y$12$short"));
        assertFalse(PasswordSchemes.verify("x", "plaintext"));
    }

    @Test
    void newHashesAreBcryptThatVerify() {
        String stored = new PasswordHasher(4).hash("correct horse");
        assertTrue(stored.startsWith("{BLF-CRYPT}$2y$04$"), stored);
        assertTrue(PasswordSchemes.verify("correct horse", stored));
        assertFalse(PasswordSchemes.verify("correct horsE", stored));
    }
}

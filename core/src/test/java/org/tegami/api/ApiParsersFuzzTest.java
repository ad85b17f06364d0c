package org.tegami.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/** Mutation fuzzing of the shared text parsers: only their documented errors may escape. */
class ApiParsersFuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void mailAddressParseThrowsOnlyIllegalArgument() {
        List<String> inputs = Mutator.ofText(101, "alice@example.org", "<bob@Example.ORG>", "<>", "",
                "\"john doe\"@example.org", "a.b+tag@sub.example.co.uk", "<postmaster@[127.0.0.1]>").mutateText(5000);
        Mutator.fuzz(inputs, LIMIT, s -> assertNotNull(MailAddress.parse(s).domain()), IllegalArgumentException.class);
    }

    @Test
    void modifiedUtf7DecodeThrowsOnlyIllegalArgument() {
        List<String> inputs = Mutator.ofText(102, "INBOX", "&-", "Entw&APw-rfe", "&ZeVnLIqe-",
                ModifiedUtf7.encode("Ünïcödé 日本語 📬 folder"), "a&AGE-b").mutateText(5000);
        Mutator.fuzz(inputs, LIMIT, s -> ModifiedUtf7.encode(ModifiedUtf7.decode(s)), IllegalArgumentException.class);
    }

    @Test
    void saslExchangeNeverThrowsOnClientLines() {
        List<String> inputs = Mutator.ofText(103, "AGFsaWNlAHNlY3JldA==", "dXNlcgBhbGljZQBwdw==", "=", "*",
                "YWxpY2U=", "c2VjcmV0", "AAA=").mutateText(5000);
        Mutator.fuzz(inputs, LIMIT, s -> {
            SaslExchange.start(SaslExchange.PLAIN, s);
            SaslExchange.Start login = SaslExchange.start(SaslExchange.LOGIN, s);
            assertNotNull(login.exchange().next(s));
            assertNotNull(login.exchange().next(s));
        });
    }
}

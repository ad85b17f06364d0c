package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FromDomainTest {

    private static Optional<String> of(String header) {
        return FromDomain.of(HeaderSplitter.split(header));
    }

    @Test
    void takesTheDomainOfTheOneAddressInLowerCase() {
        assertEquals(Optional.of("example.org"), of("To: x@y.test\r\nFrom: Alice <alice@Example.ORG>\r\n"));
        assertEquals(Optional.of("example.org"), of("from: alice@example.org\r\n"));
    }

    @Test
    void ignoresCommentsQuotesAndFolding() {
        assertEquals(Optional.of("example.org"),
                of("From: \"Smith, Alice <a@fake.test>\" (work, <b@fake.test>)\r\n <alice@example.org>\r\n"));
        assertEquals(Optional.of("example.org"), of("From: alice@example.org (Alice, at work)\r\n"));
    }

    @Test
    void signsNothingForSeveralAddressesOrFields() {
        assertEquals(Optional.empty(), of("From: a@example.org, b@example.org\r\n"));
        assertEquals(Optional.empty(), of("From: a@example.org\r\nFrom: b@example.org\r\n"));
        assertEquals(Optional.empty(), of("Subject: no from\r\n"));
        assertEquals(Optional.empty(), of("From: undisclosed\r\n"));
    }
}

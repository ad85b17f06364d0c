package org.tegami.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressParserTest {

    @Test
    void parsesTheCommonForms() {
        assertEquals(List.of(new Address("Bob", null, "bob", "example.org")), AddressParser.parse("Bob <bob@example.org>"));
        assertEquals(List.of(new Address("Last, First", null, "lf", "example.org")),
                AddressParser.parse("\"Last, First\" <lf@example.org>"));
        assertEquals(List.of(new Address("Carol", null, "carol", "example.org")),
                AddressParser.parse("carol@example.org (Carol)"));
        assertEquals(List.of(new Address(null, null, "a", "x.org"), new Address(null, null, "b", "y.org")),
                AddressParser.parse("a@x.org, b@y.org"));
        assertEquals(List.of(new Address("=?utf-8?q?J=C3=B6rg?=", null, "j", "x.de")),
                AddressParser.parse("=?utf-8?q?J=C3=B6rg?= <j@x.de>"));
    }

    @Test
    void parsesGroupsRoutesAndJunk() {
        assertEquals(List.of(new Address(null, null, "team", null), new Address(null, null, "a", "x.org"),
                new Address(null, null, "b", "x.org"), new Address(null, null, null, null)),
                AddressParser.parse("team: a@x.org, b@x.org;"));
        assertEquals(List.of(new Address(null, "@relay.org", "a", "x.org")), AddressParser.parse("<@relay.org:a@x.org>"));
        assertEquals(List.of(new Address(null, null, "undisclosed", null)), AddressParser.parse("undisclosed"));
        assertEquals(List.of(), AddressParser.parse("  "));
        assertEquals(List.of(new Address(null, null, "a b", "x.org")), AddressParser.parse("<\"a b\"@x.org>"));
    }

    @Test
    void decodesEncodedWordsForSearch() {
        assertEquals("Grüße aus München", EncodedWords.decode("=?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?="));
        assertEquals("Jörg Müller", EncodedWords.decode("=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?="));
        assertEquals("ab", EncodedWords.decode("=?utf-8?q?a?=  =?utf-8?q?b?="));
        assertEquals("x =?bogus?q?a?= y", EncodedWords.decode("x =?bogus?q?a?= y"));
        assertEquals("café", EncodedWords.decode("=?iso-8859-1?q?caf=E9?="));
    }

    @Test
    void parsesStructuredValues() {
        ParameterizedValue ct = ParameterizedValue.parse("Multipart/Mixed (comment); boundary=\"a;b\" ; charset=x");
        assertEquals("multipart/mixed", ct.value());
        assertEquals("a;b", ct.parameter("boundary"));
        assertEquals("x", ct.parameter("CHARSET"));
        assertEquals("", ParameterizedValue.parse(null).value());
    }
}

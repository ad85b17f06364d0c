package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tegami.api.Flag;
import org.tegami.api.MailboxException;

class MaildirFormatsTest {

    /**
     * As Dovecot 2.3 writes it: sizes in the name are not repeated, W given for a name without W=,
     * P a POP3 UIDL kept from a migration.
     */
    static final String DOVECOT_UIDLIST = """
            3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1
            25006 P0001abcd :1276528487.M364837P9451.kurkku,S=1355,W=1394:2,
            25017 W2481 :1276533073.M242911P3632.kurkku:2,F
            25021 :1276538000.M1P2.kurkku,S=100,W=104
            """;

    @Test
    void readsDovecotUidlist() {
        UidList list = UidList.parse(DOVECOT_UIDLIST);
        assertEquals(1275660208L, list.uidValidity);
        assertEquals(25022L, list.nextUid);
        assertEquals("3085f01b7f11094c501100008c4a11c1", list.guid);
        assertEquals(3, list.entries.size());
        UidList.Entry e = list.entries.get("1276533073.M242911P3632.kurkku");
        assertEquals(25017L, e.uid());
        assertEquals(Map.of('W', "2481"), e.extensions());
        assertEquals("1276533073.M242911P3632.kurkku:2,F", e.fileName());
        assertEquals(25006L, list.entries.get("1276528487.M364837P9451.kurkku,S=1355,W=1394").uid());
        assertEquals(Map.of('P', "0001abcd"), list.entries.get("1276528487.M364837P9451.kurkku,S=1355,W=1394").extensions());
    }

    @Test
    void writesVersion3Lines() {
        UidList list = new UidList();
        list.uidValidity = 1700000000L;
        list.nextUid = 3;
        list.guid = "00112233445566778899aabbccddeeff";
        String text = list.format(List.of(UidList.line(1, "1700000000.M1P1.h,S=10,W=12:2,S", 12, 10),
                UidList.line(2, "1700000001.M2P1.h:2,", 30, 28)));
        assertEquals("3 V1700000000 N3 G00112233445566778899aabbccddeeff\n"
                + "1 :1700000000.M1P1.h,S=10,W=12:2,S\n"
                + "2 W30 S28 :1700000001.M2P1.h:2,\n", text);
        UidList back = UidList.parse(text);
        assertEquals(2, back.entries.size());
        assertEquals(3, back.nextUid);
    }

    @Test
    void readsVersion1AndRefusesUnknownVersions() {
        UidList v1 = UidList.parse("1 1100000000 5\n3 1100000000.1234_1.host:2,S\n");
        assertEquals(1100000000L, v1.uidValidity);
        assertEquals(3L, v1.entries.get("1100000000.1234_1.host").uid());
        assertThrows(IllegalArgumentException.class, () -> UidList.parse("7 V1 N1\n"));
    }

    @Test
    void parsesFileNames() {
        MaildirFileName n = MaildirFileName.parse("1700000000.M5P9Q1.host,S=1200,W=1234:2,FSbd");
        assertEquals("1700000000.M5P9Q1.host,S=1200,W=1234", n.base());
        assertEquals(1200, n.sizeField('S'));
        assertEquals(1234, n.sizeField('W'));
        assertEquals(1700000000L, n.timeSeconds());
        assertEquals(EnumSet.of(Flag.FLAGGED, Flag.SEEN), n.flags());
        assertEquals(Set.of(1, 3), n.keywordIndexes());
        assertEquals("2,DRTac", MaildirFileName.info(EnumSet.of(Flag.DELETED, Flag.DRAFT, Flag.ANSWERED), Set.of(2, 0), ""));
        MaildirFileName plain = MaildirFileName.parse("1700000000.abc.host");
        assertNull(plain.info());
        assertEquals(-1, plain.sizeField('S'));
        assertEquals("2,PS", MaildirFileName.info(EnumSet.of(Flag.SEEN), Set.of(),
                MaildirFileName.parse("x:2,PS").otherLetters()));
    }

    @Test
    void keywordTableMatchesDovecotKeywordsFile() {
        KeywordTable t = KeywordTable.parse("0 $Forwarded\n1 Junk\n3 $Label1\n");
        assertEquals(1, t.indexOf("junk"));
        assertEquals(2, t.add("NonJunk"));
        assertEquals(4, t.add("Work"));
        assertEquals("0 $Forwarded\n1 Junk\n2 NonJunk\n3 $Label1\n4 Work\n", t.format());
        assertEquals(Set.of("$Forwarded", "$Label1"), t.names(Set.of(0, 3)));
    }

    @Test
    void subscriptionsUseDovecotVersion2Format() {
        String text = SubscriptionList.format(List.of("INBOX", "Archive/2026", "Tab\tName"));
        assertEquals("V\t2\n\nINBOX\nArchive\t2026\nTab\u0001tName\n", text);
        assertEquals(Set.of("INBOX", "Archive/2026", "Tab\tName"), SubscriptionList.parse(text));
        assertEquals(Set.of("INBOX", "Old.Style"), SubscriptionList.parse("INBOX\nOld.Style\n"));
    }

    @Test
    void mapsFolderNamesToMaildirPlusPlus() throws Exception {
        assertEquals(".Archive.2026", FolderNames.dirName("Archive/2026"));
        assertEquals(".Entw&APw-rfe", FolderNames.dirName("Entwürfe"));
        assertEquals("Entwürfe/Alt", FolderNames.fromDirName(".Entw&APw-rfe.Alt"));
        assertEquals("INBOX", FolderNames.canonical("inbox"));
        assertEquals("INBOX/x", FolderNames.canonical("Inbox/x"));
        assertNull(FolderNames.fromDirName(".."));
    }

    @Test
    void refusesIllegalNames() {
        for (String bad : List.of("", "a/../b", "..", "a.b", "a//b", "/a", "a/", "tab\there", "nul\u0000", ".hidden",
                "del\u007f", "star*", "per%cent")) {
            MailboxException e = assertThrows(MailboxException.class, () -> FolderNames.canonical(bad), bad);
            assertEquals(MailboxException.Reason.INVALID_NAME, e.reason());
        }
        assertThrows(MailboxException.class, () -> FolderNames.userRoot(java.nio.file.Path.of("/m"), "../x@y"));
        assertThrows(MailboxException.class, () -> FolderNames.userRoot(java.nio.file.Path.of("/m"), "a@.."));
        assertTrue(FolderNames.SPECIAL_USE.containsKey("Junk"));
    }
}

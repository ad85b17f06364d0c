package org.tegami.core.maildir;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of Dovecot's {@code dovecot-uidlist}, version 3: a header
 * {@code 3 V<uidvalidity> N<nextuid> G<guid>} and one line per message,
 * {@code <uid> [<ext>...] :<file name>}, in ascending UID order. Extensions are a capital
 * letter and a value: {@code W} the size with CRLF and {@code S} the file size, written only
 * when the file name lacks {@code ,W=}/{@code ,S=}. The file name is the one known when the
 * line was written; Dovecot and we look messages up by its base name (before {@code :}).
 * Version 1 files ({@code 1 <uidvalidity> <nextuid>}, {@code <uid> <file name>}) are read too.
 * Parsing only; {@link UidListFile} does the I/O.
 */
final class UidList {

    /** One message line. */
    record Entry(long uid, Map<Character, String> extensions, String fileName) {
        String base() {
            return MaildirFileName.baseOf(fileName);
        }
    }

    long uidValidity;
    long nextUid = 1;
    String guid = "";
    /** By base name, ascending UID. */
    final Map<String, Entry> entries = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when the header is not a known version */
    static UidList parse(String text) {
        UidList list = new UidList();
        String[] lines = text.split("\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("empty uidlist");
        }
        String[] header = lines[0].split(" ");
        int version;
        try {
            version = Integer.parseInt(header[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad uidlist header");
        }
        if (version == 1 && header.length >= 3) {
            list.uidValidity = Long.parseLong(header[1]);
            list.nextUid = Long.parseLong(header[2]);
        } else if (version == 3) {
            for (int i = 1; i < header.length; i++) {
                String h = header[i];
                if (h.isEmpty()) {
                    continue;
                }
                switch (h.charAt(0)) {
                    case 'V' -> list.uidValidity = Long.parseLong(h.substring(1));
                    case 'N' -> list.nextUid = Long.parseLong(h.substring(1));
                    case 'G' -> list.guid = h.substring(1);
                    default -> { }
                }
            }
        } else {
            throw new IllegalArgumentException("unsupported uidlist version " + version);
        }
        for (int i = 1; i < lines.length; i++) {
            Entry e = version == 1 ? parseV1(lines[i]) : parseV3(lines[i]);
            if (e != null) {
                list.entries.put(e.base(), e);
                list.nextUid = Math.max(list.nextUid, e.uid() + 1);
            }
        }
        return list;
    }

    private static Entry parseV1(String line) {
        int sp = line.indexOf(' ');
        if (sp <= 0) {
            return null;
        }
        try {
            return new Entry(Long.parseLong(line.substring(0, sp)), Map.of(), line.substring(sp + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Entry parseV3(String line) {
        int colon = line.indexOf(" :");
        if (colon <= 0) {
            return null;
        }
        String[] parts = line.substring(0, colon).split(" ");
        long uid;
        try {
            uid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        Map<Character, String> ext = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty() && parts[i].charAt(0) >= 'A' && parts[i].charAt(0) <= 'Z') {
                ext.put(parts[i].charAt(0), parts[i].substring(1));
            }
        }
        return new Entry(uid, ext, line.substring(colon + 2));
    }

    String header() {
        return "3 V" + uidValidity + " N" + nextUid + " G" + guid + "\n";
    }

    /** One record line, with a W/S extension only when the name does not carry the size. */
    static String line(long uid, String fileName, long vsize, long size) {
        StringBuilder out = new StringBuilder().append(uid);
        MaildirFileName name = MaildirFileName.parse(fileName);
        if (name.sizeField('W') < 0 && vsize >= 0) {
            out.append(" W").append(vsize);
        }
        if (name.sizeField('S') < 0 && size >= 0) {
            out.append(" S").append(size);
        }
        return out.append(" :").append(fileName).append('\n').toString();
    }

    /** A record line with extensions other than W and S (which {@link #line} decides) added after the UID. */
    static String withExtensions(String line, Map<Character, String> extensions) {
        StringBuilder extra = new StringBuilder();
        extensions.forEach((k, v) -> {
            if (k != 'W' && k != 'S') {
                extra.append(' ').append(k).append(v);
            }
        });
        if (extra.length() == 0) {
            return line;
        }
        int space = line.indexOf(' ');
        return line.substring(0, space) + extra + line.substring(space);
    }

    /** The whole file for these lines (already formatted, ascending UID). */
    String format(Collection<String> lines) {
        StringBuilder out = new StringBuilder(header());
        lines.forEach(out::append);
        return out.toString();
    }
}

package org.tegami.core.maildir;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.tegami.api.Flag;

/**
 * A Maildir file name split into its parts: the base name ({@code time.unique.host,S=n,W=n},
 * everything before {@code :}) and the info part ({@code 2,FLAGS}). System flags are the
 * upper-case letters {@code DFRST}; keywords are the letters {@code a..z}, indexes into
 * {@code dovecot-keywords}. Other upper-case letters (like qmail's {@code P}) are kept.
 *
 * @param base the name before {@code :}
 * @param info the text after {@code :}, or {@code null} when there is none (a file in new/)
 */
record MaildirFileName(String base, String info) {

    /** Splits a file name at the first {@code :} (Maildir's info separator). */
    static MaildirFileName parse(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? new MaildirFileName(fileName, null)
                : new MaildirFileName(fileName.substring(0, colon), fileName.substring(colon + 1));
    }

    /** The base name of a file name. */
    static String baseOf(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? fileName : fileName.substring(0, colon);
    }

    /** The value of {@code ,S=} or {@code ,W=} in the base name, or -1. */
    long sizeField(char key) {
        String marker = "," + key + "=";
        int at = base.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        int start = at + marker.length();
        int end = start;
        while (end < base.length() && Character.isDigit(base.charAt(end))) {
            end++;
        }
        if (end == start || end - start > 18) {
            return -1;
        }
        return Long.parseLong(base.substring(start, end));
    }

    /** The seconds before the first dot, as qmail names start, or -1. */
    long timeSeconds() {
        int dot = base.indexOf('.');
        if (dot <= 0 || dot > 12) {
            return -1;
        }
        for (int i = 0; i < dot; i++) {
            if (!Character.isDigit(base.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(base.substring(0, dot));
    }

    /** The letters after {@code 2,}, or empty. */
    String letters() {
        return info != null && info.startsWith("2,") ? info.substring(2) : "";
    }

    Set<Flag> flags() {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        String letters = letters();
        for (Flag f : Flag.values()) {
            if (letters.indexOf(f.maildirLetter()) >= 0) {
                flags.add(f);
            }
        }
        return flags;
    }

    /** Keyword indexes 0..25 for the letters a..z. */
    Set<Integer> keywordIndexes() {
        Set<Integer> out = new TreeSet<>();
        for (char c : letters().toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.add(c - 'a');
            }
        }
        return out;
    }

    /** Upper-case letters that are not IMAP flags (kept when flags change). */
    String otherLetters() {
        StringBuilder out = new StringBuilder();
        for (char c : letters().toCharArray()) {
            if (c >= 'A' && c <= 'Z' && "DFRST".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The info part for these flags and keyword indexes, letters in ASCII order as Maildir wants. */
    static String info(Set<Flag> flags, Set<Integer> keywordIndexes, String otherLetters) {
        TreeSet<Character> letters = new TreeSet<>();
        for (Flag f : flags) {
            letters.add(f.maildirLetter());
        }
        for (char c : otherLetters.toCharArray()) {
            letters.add(c);
        }
        for (int i : keywordIndexes) {
            letters.add((char) ('a' + i));
        }
        StringBuilder out = new StringBuilder("2,");
        letters.forEach(out::append);
        return out.toString();
    }

    /** The full name for a file in cur/. */
    static String curName(String base, String info) {
        return base + ":" + info;
    }

    /** Escapes a host name for a file name as qmail does: {@code /} and {@code :} become octal. */
    static String safeHost(String host) {
        return host.replace("/", "\\057").replace(":", "\\072").replace(",", "\\054");
    }
}

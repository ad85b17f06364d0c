package org.tegami.imap.search;

import org.tegami.imap.mime.EncodedWords;

/**
 * The "base subject" of RFC 5256 2.1, which SORT SUBJECT compares: the Subject: text with
 * encoded words decoded, whitespace collapsed, and reply/forward decorations removed
 * ({@code Re:}, {@code Fwd:}, {@code [list]} tags, a {@code (fwd)} trailer, {@code [Fwd: ...]}
 * wrapping), repeatedly. The result keeps its case; comparison folds it.
 */
public final class BaseSubject {

    private BaseSubject() {
    }

    /** The base subject; the empty string for a missing or empty Subject:. */
    public static String of(String subject) {
        return extract(subject, new boolean[1]);
    }

    /**
     * Whether extracting the base subject removed a subj-refwd, a {@code (fwd)} trailer or a
     * {@code [fwd: ...]} wrapping: THREAD=REFERENCES (RFC 5256 step 5) calls such a message a
     * reply or forward.
     */
    public static boolean isReplyOrForward(String subject) {
        boolean[] replyOrForward = new boolean[1];
        extract(subject, replyOrForward);
        return replyOrForward[0];
    }

    private static String extract(String subject, boolean[] replyOrForward) {
        if (subject == null) {
            return "";
        }
        // step 1: decode RFC 2047 words, tabs and folding to a space, runs of spaces to one
        String s = EncodedWords.decode(subject).replaceAll("[\\t\\r\\n ]+", " ");
        while (true) {
            s = stripTrailers(s, replyOrForward); // step 2
            s = stripLeaders(s, replyOrForward); // steps 3 to 5
            // step 6: "[fwd:" ... "]" wrapping, then again from step 2
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                replyOrForward[0] = true;
                continue;
            }
            return s;
        }
    }

    /** subj-trailer = "(fwd)" / WSP, removed from the end until none is left. */
    private static String stripTrailers(String s, boolean[] replyOrForward) {
        while (true) {
            if (s.endsWith(" ")) {
                s = s.substring(0, s.length() - 1);
            } else if (s.length() >= 5 && s.regionMatches(true, s.length() - 5, "(fwd)", 0, 5)) {
                s = s.substring(0, s.length() - 5);
                replyOrForward[0] = true;
            } else {
                return s;
            }
        }
    }

    /** Steps 3 to 5: subj-leader, then a lone subj-blob if something is left after it, repeated. */
    private static String stripLeaders(String s, boolean[] replyOrForward) {
        while (true) {
            int leader = leader(s);
            if (leader > 0) {
                // a leader is a lone space or ends with a subj-refwd
                replyOrForward[0] |= !s.startsWith(" ");
                s = s.substring(leader);
                continue;
            }
            int blob = blob(s, 0);
            if (blob > 0 && blob < s.length()) {
                s = s.substring(blob);
                continue;
            }
            return s;
        }
    }

    /**
     * Length of a subj-leader at the start: {@code (*subj-blob subj-refwd) / WSP}, where
     * subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":". Zero if none.
     */
    private static int leader(String s) {
        if (s.startsWith(" ")) {
            return 1;
        }
        int pos = 0;
        int next;
        while ((next = blob(s, pos)) > pos) {
            pos = next;
        }
        int refwd = refwd(s, pos);
        return refwd > pos ? refwd : 0;
    }

    /** End of a subj-refwd starting at {@code pos}, or {@code pos} if there is none. */
    private static int refwd(String s, int pos) {
        int p;
        if (s.regionMatches(true, pos, "re", 0, 2)) {
            p = pos + 2;
        } else if (s.regionMatches(true, pos, "fwd", 0, 3)) {
            p = pos + 3;
        } else if (s.regionMatches(true, pos, "fw", 0, 2)) {
            p = pos + 2;
        } else {
            return pos;
        }
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        p = blob(s, p);
        return p < s.length() && s.charAt(p) == ':' ? p + 1 : pos;
    }

    /**
     * End of a subj-blob ({@code "[" *BLOBCHAR "]" *WSP}, BLOBCHAR any char but the brackets)
     * starting at {@code pos}, or {@code pos} if there is none.
     */
    private static int blob(String s, int pos) {
        if (pos >= s.length() || s.charAt(pos) != '[') {
            return pos;
        }
        int p = pos + 1;
        while (p < s.length() && s.charAt(p) != ']') {
            if (s.charAt(p) == '[') {
                return pos;
            }
            p++;
        }
        if (p >= s.length()) {
            return pos;
        }
        p++;
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }
}

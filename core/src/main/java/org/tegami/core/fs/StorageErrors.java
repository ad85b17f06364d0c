package org.tegami.core.fs;

import java.io.IOException;

/**
 * Recognises a write that failed because the file system is full ({@code ENOSPC}) or the
 * owner's disk quota is used up ({@code EDQUOT}). The JDK reports both only as an
 * {@link IOException} carrying the C library's text, so the text is what we look at.
 */
public final class StorageErrors {

    private static final String[] MESSAGES = {"No space left on device", "Disk quota exceeded"};

    private StorageErrors() {
    }

    /** Whether {@code e} or one of its causes says the disk or the quota is full. */
    public static boolean isFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                for (String full : MESSAGES) {
                    if (m.contains(full)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

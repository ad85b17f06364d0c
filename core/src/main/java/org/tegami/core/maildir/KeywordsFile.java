package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.tegami.api.MailboxException;

/** Reading and writing {@code dovecot-keywords} (under Dovecot's dotlock). */
final class KeywordsFile {

    static final String NAME = "dovecot-keywords";

    private KeywordsFile() {
    }

    static KeywordTable read(Path folderDir) throws IOException {
        try {
            return KeywordTable.parse(Files.readString(folderDir.resolve(NAME), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new KeywordTable();
        }
    }

    /**
     * Adds keywords under the dotlock, merging with what another program may have added.
     *
     * @throws MailboxException when the 26 letters are used up
     */
    static KeywordTable add(Path folderDir, Set<String> names) throws IOException {
        try (DotLock lock = DotLock.acquire(folderDir.resolve(NAME))) {
            KeywordTable table = read(folderDir);
            boolean changed = false;
            for (String k : names) {
                if (table.indexOf(k) < 0) {
                    if (table.add(k) < 0) {
                        throw new MailboxException(MailboxException.Reason.CANNOT, "too many keywords in this folder");
                    }
                    changed = true;
                }
            }
            if (changed) {
                lock.replace(table.format());
            }
            return table;
        }
    }
}

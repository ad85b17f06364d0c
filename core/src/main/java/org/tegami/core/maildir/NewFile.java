package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/** A message file to be given a UID: where it is, and what its name (or a look at it) tells. */
final class NewFile {
    final MaildirFileName name;
    final String fileName;
    final boolean inNew;
    final long fileSize;
    final long crlfSize;
    final Instant internalDate;

    NewFile(String fileName, boolean inNew, long fileSize, long crlfSize, Instant internalDate) {
        this.name = MaildirFileName.parse(fileName);
        this.fileName = fileName;
        this.inNew = inNew;
        this.fileSize = fileSize;
        this.crlfSize = crlfSize;
        this.internalDate = internalDate;
    }

    /** Sizes from {@code S=}/{@code W=} when present, else from the file; date from the name's time, else mtime. */
    static NewFile inspect(Path path, boolean inNew) throws IOException {
        String fileName = path.getFileName().toString();
        MaildirFileName name = MaildirFileName.parse(fileName);
        try {
            long size = name.sizeField('S');
            long crlf = name.sizeField('W');
            long seconds = name.timeSeconds();
            if (size < 0) {
                size = Files.size(path);
            }
            if (crlf < 0) {
                try (var in = Files.newInputStream(path)) {
                    crlf = LfMessageWriter.crlfSize(in);
                }
            }
            Instant date = seconds >= 0 ? Instant.ofEpochSecond(seconds)
                    : Files.getLastModifiedTime(path).toInstant();
            return new NewFile(fileName, inNew, size, crlf, date);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }
}

package org.tegami.core.maildir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Our own cache beside {@code dovecot-uidlist}, {@code tegami-cache}: every message's UID,
 * file name, sizes and internal date, and the modification times of {@code new/} and
 * {@code cur/} it matches. With it a restart reads one file instead of listing and
 * stat'ing the folder; it is only a cache, rebuilt from the folder whenever it is missing,
 * damaged or for another UIDVALIDITY.
 */
final class FolderCacheFile {

    static final String NAME = "tegami-cache";
    private static final String MAGIC = "tegami-cache 1";
    /** The last line, with the number of messages: a cut-off file is not taken for a whole one. */
    private static final String END = "end ";

    /** One cached message. */
    record Line(long uid, boolean inNew, long fileSize, long crlfSize, long internalDateMillis, String fileName) {
    }

    /** The cache contents. */
    record Contents(long uidValidity, long newStamp, long curStamp, List<Line> lines) {
    }

    private FolderCacheFile() {
    }

    static Contents read(Path folderDir) {
        try (BufferedReader in = Files.newBufferedReader(folderDir.resolve(NAME), StandardCharsets.UTF_8)) {
            String[] head = in.readLine().split(" ");
            if (head.length != 5 || !(head[0] + " " + head[1]).equals(MAGIC)) {
                return null;
            }
            List<Line> lines = new ArrayList<>();
            String line;
            boolean complete = false;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(END)) {
                    complete = Integer.parseInt(line.substring(END.length())) == lines.size();
                    break;
                }
                String[] f = line.split("\t", 6);
                if (f.length != 6) {
                    return null;
                }
                lines.add(new Line(Long.parseLong(f[0]), f[1].equals("n"), Long.parseLong(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]));
            }
            if (!complete) {
                return null;
            }
            return new Contents(Long.parseLong(head[2]), Long.parseLong(head[3]), Long.parseLong(head[4]), lines);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // a damaged cache is rebuilt from the folder
            return null;
        }
    }

    static void write(Path folderDir, long uidValidity, long newStamp, long curStamp,
            Collection<FolderEntry> entries) throws IOException {
        StringBuilder out = new StringBuilder(64 + entries.size() * 96);
        out.append(MAGIC).append(' ').append(uidValidity).append(' ').append(newStamp).append(' ')
                .append(curStamp).append('\n');
        for (FolderEntry e : entries) {
            out.append(e.uid).append('\t').append(e.inNew ? 'n' : 'c').append('\t').append(e.fileSize)
                    .append('\t').append(e.info.size()).append('\t').append(e.info.internalDate().toEpochMilli())
                    .append('\t').append(e.fileName).append('\n');
        }
        out.append(END).append(entries.size()).append('\n');
        Durable.replace(folderDir.resolve(NAME), out.toString());
    }
}

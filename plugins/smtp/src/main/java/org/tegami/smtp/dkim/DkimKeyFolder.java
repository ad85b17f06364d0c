package org.tegami.smtp.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tegami.api.ConfigException;

/**
 * The keys folder ({@code smtp.dkim.keys}): one PEM PKCS#8 private key per file, named
 * {@code <domain>.<selector>.key}. The selector is the part after the last dot before
 * {@code .key}, the domain the rest. When a domain has several keys, the newest file (by
 * modification time) signs, so a new selector takes over as soon as its file is there.
 */
public final class DkimKeyFolder {

    private static final String SUFFIX = ".key";

    private DkimKeyFolder() {
    }

    /**
     * Reads every key of the folder.
     *
     * @return the signing key of each domain, by lower-case domain; empty when the folder does
     *     not exist
     * @throws ConfigException naming the file that is not a usable key
     */
    public static Map<String, DkimKey> read(Path folder) throws ConfigException {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        Map<String, Candidate> newest = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Candidate c = candidate(file);
                newest.merge(c.key.domain(), c, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
            }
        } catch (IOException e) {
            throw new ConfigException(folder, 0, "smtp.dkim.keys: cannot read the folder: " + e.getMessage());
        }
        Map<String, DkimKey> keys = new TreeMap<>();
        newest.forEach((domain, c) -> keys.put(domain, c.key));
        return Map.copyOf(keys);
    }

    /** Domain and selector from a file name, if it has the form {@code <domain>.<selector>.key}. */
    public static Optional<List<String>> nameParts(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(List.of(base.substring(0, dot), base.substring(dot + 1)));
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparing((Candidate c) -> c.modified)
            .thenComparing(c -> c.key.selector());

    private record Candidate(DkimKey key, FileTime modified) {
    }

    private static Candidate candidate(Path file) throws ConfigException {
        String fileName = file.getFileName().toString();
        List<String> parts = nameParts(fileName).orElseThrow(() -> new ConfigException(file, 0,
                "smtp.dkim.keys: a key file is named <domain>.<selector>.key"));
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            return new Candidate(new DkimKey(parts.get(0), parts.get(1), PemKeys.parse(pem)),
                    Files.getLastModifiedTime(file));
        } catch (IOException e) {
            throw new ConfigException(file, 0, "smtp.dkim.keys: cannot read the key: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, 0, "smtp.dkim.keys: " + e.getMessage());
        }
    }
}

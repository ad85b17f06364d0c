package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reading and changing a user's {@code subscriptions} file, under Dovecot's dotlock. */
final class SubscriptionsFile {

    static final String NAME = "subscriptions";

    private SubscriptionsFile() {
    }

    static Set<String> read(Path userRoot) throws IOException {
        try {
            return SubscriptionList.parse(Files.readString(userRoot.resolve(NAME), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new LinkedHashSet<>();
        }
    }

    static void addAll(Path userRoot, Collection<String> names) throws IOException {
        change(userRoot, names, true);
    }

    static void remove(Path userRoot, String name) throws IOException {
        change(userRoot, Set.of(name), false);
    }

    /** Follows a folder rename: the folder and those below it are subscribed under their new names. */
    static void rename(Path userRoot, String from, String to) throws IOException {
        try (DotLock lock = DotLock.acquire(userRoot.resolve(NAME))) {
            Set<String> current = read(userRoot);
            Set<String> renamed = new LinkedHashSet<>();
            boolean changed = false;
            for (String name : current) {
                if (name.equals(from) || name.startsWith(from + "/")) {
                    renamed.add(to + name.substring(from.length()));
                    changed = true;
                } else {
                    renamed.add(name);
                }
            }
            if (changed) {
                lock.replace(SubscriptionList.format(renamed));
            }
        }
    }

    private static void change(Path userRoot, Collection<String> names, boolean add) throws IOException {
        try (DotLock lock = DotLock.acquire(userRoot.resolve(NAME))) {
            Set<String> current = read(userRoot);
            boolean changed = add ? current.addAll(names) : current.removeAll(names);
            if (changed) {
                lock.replace(SubscriptionList.format(current));
            }
        }
    }
}

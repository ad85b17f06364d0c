package org.tegami.routing.fake;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.tegami.api.UserAccount;
import org.tegami.api.UserDirectory;

/** A user directory over a fixed set of names, case-insensitive like core's. */
public final class FakeUsers implements UserDirectory {

    private final Map<String, UserAccount> accounts = new ConcurrentSkipListMap<>();

    public FakeUsers(String... names) {
        for (String name : names) {
            add(name);
        }
    }

    public FakeUsers add(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        accounts.put(key, new UserAccount(key, 0, Map.of()));
        return this;
    }

    @Override
    public Optional<UserAccount> find(String name) {
        return Optional.ofNullable(accounts.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<UserAccount> all() {
        return accounts.values().stream().sorted(Comparator.comparing(UserAccount::name)).toList();
    }
}

package org.tegami.api;

import java.util.List;
import java.util.Optional;

/**
 * The user accounts. Core's implementation reads {@code conf/users} (Dovecot passwd-file) and
 * rereads it when it changes. Thread-safe; lookups are in-memory.
 */
public interface UserDirectory {

    /** The account with this login name (case-insensitive), if it exists. */
    Optional<UserAccount> find(String name);

    /** Every account, sorted by name. */
    List<UserAccount> all();
}

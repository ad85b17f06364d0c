package org.tegami.api;

import java.util.Map;

/**
 * A mail user as listed in {@code conf/users} (Dovecot passwd-file). The password hash is
 * never exposed.
 *
 * @param name the login and mailbox name, normally {@code local@domain}, lower-case
 * @param quotaBytes the mailbox quota in bytes, 0 for none (extra field {@code userdb_quota_rule=*:storage=...}
 *     or {@code quota=})
 * @param extraFields the remaining {@code key=value} extra fields, as written
 */
public record UserAccount(String name, long quotaBytes, Map<String, String> extraFields) {

    public UserAccount {
        extraFields = Map.copyOf(extraFields);
    }
}

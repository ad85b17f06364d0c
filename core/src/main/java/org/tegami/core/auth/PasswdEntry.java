package org.tegami.core.auth;

import java.util.Map;
import org.tegami.api.UserAccount;

/**
 * One well-formed user line of a passwd-file.
 *
 * @param name the login, lower-case
 * @param password the stored password with its {@code {SCHEME}} prefix, as written
 * @param line the 1-based line number
 * @param quotaBytes the quota from the extra fields, 0 for none
 * @param extraFields the extra fields other than the quota, as written
 */
public record PasswdEntry(String name, String password, int line, long quotaBytes, Map<String, String> extraFields) {

    public PasswdEntry {
        extraFields = Map.copyOf(extraFields);
    }

    /** The public view, without the password. */
    public UserAccount account() {
        return new UserAccount(name, quotaBytes, extraFields);
    }
}

package org.tegami.core.auth;

import java.io.IOException;
import java.util.Optional;
import org.tegami.api.UserAccount;

/** Where the authenticator finds stored passwords. Thread-safe. */
public interface CredentialSource {

    /** An account and its stored password ({@code {SCHEME}hash}). */
    record Credential(UserAccount account, String storedPassword) {
    }

    /**
     * @param login a login name, any case
     * @return the account's credential, or empty when there is no such user
     * @throws IOException when the store cannot be read now (a temporary failure)
     */
    Optional<Credential> credential(String login) throws IOException;
}

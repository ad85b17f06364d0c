/**
 * Users and passwords: the Dovecot passwd-file directory ({@code conf/users}), reread when it
 * changes and rewritten atomically by {@code tegami user}; the password schemes Dovecot writes
 * ({@code BLF-CRYPT}, {@code SHA512-CRYPT}, {@code ARGON2ID}, {@code SHA512}, {@code SSHA512},
 * {@code PLAIN}); and the {@link org.tegami.api.Authenticator} with failure delay and lockout.
 */
package org.tegami.core.auth;

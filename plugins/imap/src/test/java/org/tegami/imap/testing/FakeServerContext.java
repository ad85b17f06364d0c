package org.tegami.imap.testing;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tegami.api.Authenticator;
import org.tegami.api.Intake;
import org.tegami.api.MailStore;
import org.tegami.api.RecipientResolver;
import org.tegami.api.ServerContext;
import org.tegami.api.TlsProvider;
import org.tegami.api.UserAccount;
import org.tegami.api.UserDirectory;

/** A {@link ServerContext} with a fixed user list, a given mail store and optional TLS; no spool. */
public final class FakeServerContext implements ServerContext {

    private final MailStore store;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private volatile TlsProvider tls;

    public FakeServerContext(MailStore store) {
        this.store = store;
    }

    public FakeServerContext tls(TlsProvider provider) {
        this.tls = provider;
        return this;
    }

    public FakeServerContext user(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    @Override
    public String hostname() {
        return "localhost";
    }

    @Override
    public Set<String> localDomains() {
        return Set.of("localhost");
    }

    @Override
    public Path configDirectory() {
        return Path.of("conf");
    }

    @Override
    public Intake intake() {
        return null;
    }

    @Override
    public RecipientResolver recipients() {
        return null;
    }

    @Override
    public Authenticator authenticator() {
        return (String login, String password, InetAddress client) -> {
            String expected = passwords.get(login.toLowerCase(java.util.Locale.ROOT));
            if (expected != null && expected.equals(password)) {
                return new Authenticator.AuthResult.Success(new UserAccount(login.toLowerCase(java.util.Locale.ROOT), 0, Map.of()));
            }
            return new Authenticator.AuthResult.Failure();
        };
    }

    @Override
    public UserDirectory users() {
        return new UserDirectory() {
            @Override
            public Optional<UserAccount> find(String name) {
                return passwords.containsKey(name) ? Optional.of(new UserAccount(name, 0, Map.of())) : Optional.empty();
            }

            @Override
            public List<UserAccount> all() {
                return passwords.keySet().stream().sorted().map(n -> new UserAccount(n, 0, Map.of())).toList();
            }
        };
    }

    @Override
    public MailStore mailStore() {
        return store;
    }

    @Override
    public Optional<TlsProvider> tls() {
        return Optional.ofNullable(tls);
    }
}

package org.tegami.routing.fake;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.Authenticator;
import org.tegami.api.Intake;
import org.tegami.api.MailStore;
import org.tegami.api.RecipientResolver;
import org.tegami.api.ServerContext;
import org.tegami.api.TlsProvider;
import org.tegami.api.UserDirectory;

/** A server context with local domains and users; the routers need nothing else. */
public final class FakeServerContext implements ServerContext {

    private final Set<String> domains;
    private final UserDirectory users;
    private final Path configDirectory;

    public FakeServerContext(Set<String> domains, UserDirectory users, Path configDirectory) {
        this.domains = Set.copyOf(domains);
        this.users = users;
        this.configDirectory = configDirectory;
    }

    @Override
    public String hostname() {
        return "mx.example.org";
    }

    @Override
    public Set<String> localDomains() {
        return domains;
    }

    @Override
    public Path configDirectory() {
        return configDirectory;
    }

    @Override
    public Intake intake() {
        throw new IllegalStateException("routers do not take in mail");
    }

    @Override
    public RecipientResolver recipients() {
        throw new IllegalStateException("routers do not resolve recursively");
    }

    @Override
    public Authenticator authenticator() {
        throw new IllegalStateException("routers do not check passwords");
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public MailStore mailStore() {
        throw new IllegalStateException("routers do not open mailboxes");
    }

    @Override
    public Optional<TlsProvider> tls() {
        return Optional.empty();
    }
}

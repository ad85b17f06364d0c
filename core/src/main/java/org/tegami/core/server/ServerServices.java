package org.tegami.core.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.Authenticator;
import org.tegami.api.Intake;
import org.tegami.api.MailStore;
import org.tegami.api.Metrics;
import org.tegami.api.RecipientResolver;
import org.tegami.api.ServerContext;
import org.tegami.api.TlsProvider;
import org.tegami.api.UserDirectory;

/** The {@link ServerContext} every extension gets: core's services, shared. */
public final class ServerServices implements ServerContext {

    private final String hostname;
    private volatile Set<String> localDomains;
    private final Path configDirectory;
    private final Intake intake;
    private final RecipientResolver recipients;
    private final Authenticator authenticator;
    private final UserDirectory users;
    private final MailStore mailStore;
    private final ExtensionRegistry extensions;
    private final Optional<String> dnsResolver;
    private final Metrics metrics;

    public ServerServices(String hostname, List<String> localDomains, Path configDirectory, Intake intake,
            RecipientResolver recipients, Authenticator authenticator, UserDirectory users, MailStore mailStore,
            ExtensionRegistry extensions, Optional<String> dnsResolver, Metrics metrics) {
        this.hostname = hostname;
        this.localDomains = Set.copyOf(localDomains);
        this.configDirectory = configDirectory;
        this.intake = intake;
        this.recipients = recipients;
        this.authenticator = authenticator;
        this.users = users;
        this.mailStore = mailStore;
        this.extensions = extensions;
        this.dnsResolver = dnsResolver;
        this.metrics = metrics;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public Set<String> localDomains() {
        return localDomains;
    }

    /** Replaces the local domains (a reload); readers see the old or the new set, never a mix. */
    public void localDomains(List<String> domains) {
        this.localDomains = Set.copyOf(domains);
    }

    @Override
    public Path configDirectory() {
        return configDirectory;
    }

    @Override
    public Intake intake() {
        return intake;
    }

    @Override
    public RecipientResolver recipients() {
        return recipients;
    }

    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public MailStore mailStore() {
        return mailStore;
    }

    @Override
    public Optional<TlsProvider> tls() {
        return extensions.tls();
    }

    @Override
    public Optional<String> dnsResolver() {
        return dnsResolver;
    }
}

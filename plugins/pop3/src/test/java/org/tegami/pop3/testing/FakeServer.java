package org.tegami.pop3.testing;

import java.net.InetAddress;
import java.nio.file.Path;
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
import org.tegami.api.UserMailbox;

/**
 * A server context with users and INBOXes in memory. Only what POP3 uses is real: the
 * authenticator (passwords in a map, or a forced outcome) and the INBOX of each user.
 */
public final class FakeServer implements ServerContext {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, FakeFolder> inboxes = new ConcurrentHashMap<>();
    private volatile Authenticator.AuthResult forced;

    /** Adds a user with an empty INBOX. */
    public FakeFolder user(String name, String password) {
        passwords.put(name, password);
        return inboxes.computeIfAbsent(name, n -> new FakeFolder());
    }

    /** Makes every login attempt end like this (lockout, unavailable), or null for real checks. */
    public void force(Authenticator.AuthResult result) {
        this.forced = result;
    }

    @Override
    public String hostname() {
        return "mail.test";
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
            if (forced != null) {
                return forced;
            }
            return password.equals(passwords.get(login))
                    ? new Authenticator.AuthResult.Success(new UserAccount(login, 0, Map.of()))
                    : new Authenticator.AuthResult.Failure();
        };
    }

    @Override
    public UserDirectory users() {
        return null;
    }

    @Override
    public MailStore mailStore() {
        return user -> mailbox(inboxes.get(user));
    }

    @Override
    public Optional<TlsProvider> tls() {
        return Optional.empty();
    }

    private static UserMailbox mailbox(FakeFolder inbox) {
        return (UserMailbox) java.lang.reflect.Proxy.newProxyInstance(FakeServer.class.getClassLoader(),
                new Class<?>[] {UserMailbox.class}, (proxy, method, args) -> {
                    if (method.getName().equals("open") && "INBOX".equalsIgnoreCase((String) args[0])) {
                        return inbox.view();
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not used by POP3");
                });
    }
}

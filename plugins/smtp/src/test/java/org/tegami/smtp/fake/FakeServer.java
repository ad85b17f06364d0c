package org.tegami.smtp.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.Authenticator;
import org.tegami.api.Envelope;
import org.tegami.api.Intake;
import org.tegami.api.MailAddress;
import org.tegami.api.MailStore;
import org.tegami.api.RecipientResolver;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.ServerContext;
import org.tegami.api.TlsProvider;
import org.tegami.api.UserAccount;
import org.tegami.api.UserDirectory;

/**
 * A server for session tests: domain {@code test} with users alice and bob (alice's password is
 * {@code secret}; user {@code locked} is locked out), every other domain relays, and an intake
 * that keeps messages in memory (or fails when told to).
 */
public final class FakeServer implements ServerContext, Intake, RecipientResolver, Authenticator {

    /** A message the intake took. */
    public record Stored(Envelope envelope, String content) {
    }

    public final List<Stored> stored = new CopyOnWriteArrayList<>();
    public boolean failIntake;
    /** The intake's disk is full ({@link org.tegami.api.InsufficientStorageException}). */
    public boolean intakeDiskFull;
    /** When set, routing and password checks throw, as a broken service would. */
    public boolean broken;

    @Override
    public String hostname() {
        return "mx.test";
    }

    @Override
    public Set<String> localDomains() {
        return Set.of("test");
    }

    @Override
    public Path configDirectory() {
        return Path.of("conf");
    }

    @Override
    public Intake intake() {
        return this;
    }

    @Override
    public RecipientResolver recipients() {
        return this;
    }

    @Override
    public Authenticator authenticator() {
        return this;
    }

    @Override
    public UserDirectory users() {
        return null;
    }

    @Override
    public MailStore mailStore() {
        return null;
    }

    @Override
    public Optional<TlsProvider> tls() {
        return Optional.empty();
    }

    @Override
    public String accept(Envelope envelope, InputStream message) throws IOException {
        if (failIntake) {
            throw new IOException("cannot write");
        }
        if (intakeDiskFull) {
            throw new org.tegami.api.InsufficientStorageException("the spool's disk is full",
                    new IOException("No space left on device"));
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        message.transferTo(copy);
        stored.add(new Stored(envelope, copy.toString(StandardCharsets.UTF_8)));
        return "Q" + stored.size();
    }

    @Override
    public Resolution resolve(MailAddress recipient) {
        if (broken) {
            throw new IllegalStateException("routing table unreadable");
        }
        if (!recipient.domain().equals("test")) {
            return new Resolution(List.of(new RouteDecision.Relay("smtp")));
        }
        String user = recipient.localPart().toLowerCase();
        if (user.equals("alice") || user.equals("bob") || user.equals("postmaster")) {
            return new Resolution(List.of(new RouteDecision.Deliver(user + "@test")));
        }
        return new Resolution(List.of(new RouteDecision.Reject(Reply.of(550, "5.1.1", "No such user"))));
    }

    @Override
    public AuthResult authenticate(String login, String password, InetAddress client) {
        if (broken) {
            throw new IllegalStateException("user store unreadable");
        }
        if (login.equals("locked")) {
            return new AuthResult.LockedOut();
        }
        if (login.equals("alice@test") && password.equals("secret")) {
            return new AuthResult.Success(new UserAccount("alice@test", 0, Map.of()));
        }
        return new AuthResult.Failure();
    }
}

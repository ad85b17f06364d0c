package org.tegami.imap.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tegami.api.ListenerSpec;
import org.tegami.core.maildir.MaildirStore;
import org.tegami.core.net.ListenerHost;
import org.tegami.core.net.NetLimits;
import org.tegami.imap.ImapService;
import org.tegami.imap.testing.FakeServerContext;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.SelfSignedTlsProvider;

/**
 * Core's network layer ({@link ListenerHost}: sockets, implicit TLS, STARTTLS) and Maildir store
 * ({@link MaildirStore}) with the IMAP plugin, on 127.0.0.1 port 0, in a temporary folder.
 * Users alice, bob and t1..t40 have the password {@code secret}.
 */
final class ImapServers implements AutoCloseable {

    private static int files;

    private final Path root;
    private final MaildirStore store;
    private final ListenerHost host;
    private final Map<String, Integer> ports = new HashMap<>();

    private ImapServers() throws Exception {
        root = Files.createTempDirectory("tegami-imap-it");
        store = new MaildirStore(root.resolve("mail"), "mx.test", java.time.Clock.systemUTC(), Duration.ofMillis(200));
        SelfSignedTlsProvider tls = new SelfSignedTlsProvider();
        FakeServerContext context = new FakeServerContext(store).tls(tls).user("alice@localhost", "secret")
                .user("bob@localhost", "secret");
        for (int i = 1; i <= 40; i++) {
            context.user("t" + i + "@localhost", "secret");
        }
        ImapService service = new ImapService();
        service.start(context);
        host = new ListenerHost(NetLimits.DEFAULTS, () -> Optional.of(tls));
        for (ListenerSpec spec : service.listeners()) {
            InetSocketAddress bound = host.bind(service, spec, new InetSocketAddress("127.0.0.1", 0));
            ports.put(spec.name(), bound.getPort());
        }
    }

    static ImapServers start() throws Exception {
        return new ImapServers();
    }

    int port(String listener) {
        return ports.get(listener);
    }

    /** A plain connection to the {@code imap} listener, greeting read. */
    ImapClient connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port("imap")), 5000);
        socket.setSoTimeout(10_000);
        ImapClient client = new ImapClient(socket.getInputStream(), socket.getOutputStream(), socket::close);
        client.expect("\\* OK \\[CAPABILITY IMAP4rev1 .*\\] .*");
        return client;
    }

    /** A user's Maildir: {@code mail/<domain>/<local>}. */
    Path maildir(String user) {
        int at = user.lastIndexOf('@');
        return root.resolve("mail").resolve(user.substring(at + 1)).resolve(user.substring(0, at));
    }

    /** Drops a message into a user's INBOX {@code new/} as another program would (tmp, then rename). */
    void dropIntoNew(String user, String message) throws IOException {
        dropIntoNew(user, message.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops raw bytes into a user's INBOX {@code new/}. */
    void dropIntoNew(String user, byte[] message) throws IOException {
        store.mailbox(user);
        Path maildir = maildir(user);
        Path tmp = Files.createDirectories(maildir.resolve("tmp")).resolve("drop" + (++files) + ".test");
        Files.write(tmp, message);
        Path target = maildir.resolve("new").resolve(System.currentTimeMillis() / 1000 + ".P" + ProcessHandle.current().pid()
                + "Q" + files + ".test");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        host.close();
        store.close();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}

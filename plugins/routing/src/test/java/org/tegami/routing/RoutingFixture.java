package org.tegami.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tegami.api.MailAddress;
import org.tegami.api.Router;
import org.tegami.routing.fake.FakeServerContext;
import org.tegami.routing.fake.FakeUsers;
import org.tegami.testing.TestSettings;

/** An installation root with a conf/ folder, local domains and users, for router tests. */
final class RoutingFixture {

    final Path root;
    final Path conf;
    final FakeUsers users;
    final FakeServerContext context;
    final Map<String, String> settings = new HashMap<>();

    RoutingFixture(Path root, Set<String> domains, String... users) throws IOException {
        this.root = root;
        this.conf = Files.createDirectories(root.resolve("conf"));
        this.users = new FakeUsers(users);
        this.context = new FakeServerContext(domains, this.users, conf);
    }

    /** Writes conf/NAME and returns its path. */
    Path write(String name, String content) throws IOException {
        Path file = conf.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    RoutingFixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Configures and starts a router the way the host does. */
    <R extends Router> R start(R router) throws Exception {
        router.configure(TestSettings.of(root, settings));
        router.start(context);
        return router;
    }

    static MailAddress addr(String text) {
        return MailAddress.parse(text);
    }
}

package org.tegami.core.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tegami.api.Router;
import org.tegami.api.TegamiExtension;
import org.tegami.api.TlsProvider;
import org.tegami.api.Transport;
import org.tegami.core.plugin.LoadedExtension;

/**
 * The extensions the running server uses right now: started ones from plugins, and in-process
 * ones given by the embedding code (tests). Plugins come and go while the server runs, so
 * readers take a fresh look on every use; lookups are lock-free.
 */
public final class ExtensionRegistry {

    private final List<LoadedExtension<TegamiExtension>> live = new CopyOnWriteArrayList<>();

    public void add(LoadedExtension<TegamiExtension> extension) {
        live.add(extension);
    }

    public void remove(LoadedExtension<TegamiExtension> extension) {
        live.removeIf(e -> e.extension() == extension.extension());
    }

    /** Every live extension of a type, in the order they were added. */
    public <T extends TegamiExtension> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (LoadedExtension<TegamiExtension> e : live) {
            if (type.isInstance(e.extension())) {
                found.add(type.cast(e.extension()));
            }
        }
        return found;
    }

    /** The router chain, lowest {@link Router#order()} first. */
    public List<Router> routers() {
        List<Router> routers = all(Router.class);
        routers.sort(Comparator.comparingInt(Router::order));
        return routers;
    }

    /** The transport with this name, if one is loaded. */
    public Optional<Transport> transport(String name) {
        return all(Transport.class).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The first TLS provider loaded, if any. */
    public Optional<TlsProvider> tls() {
        return all(TlsProvider.class).stream().findFirst();
    }
}

package org.tegami.core.plugin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;
import org.tegami.api.TegamiExtension;

/** Names the extension points a class implements, for {@code tegami plugins}. */
final class ExtensionPoints {

    private ExtensionPoints() {
    }

    /**
     * The simple names of the interfaces, among all {@code type} implements, that are
     * extension points themselves (so {@code ProtocolHandler}, not {@code TegamiExtension}).
     */
    static List<String> of(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            todo.addAll(List.of(c.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> candidate = todo.poll();
            if (ExtensionPoint.class.isAssignableFrom(candidate)
                    && candidate != ExtensionPoint.class && candidate != TegamiExtension.class) {
                names.add(candidate.getSimpleName());
            }
            todo.addAll(List.of(candidate.getInterfaces()));
        }
        return List.copyOf(names);
    }
}

package org.tegami.routing;

import org.pf4j.Plugin;

/** The routing plugin: its routers are {@code @Extension}s found by PF4J. */
public class RoutingPlugin extends Plugin {
}

/** The standard routers: local users, aliases(5), virtual aliases, relay and reject rules. */
package org.tegami.routing;

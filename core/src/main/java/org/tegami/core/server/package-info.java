/**
 * The running server's parts that join the others: the live extension registry, the
 * {@link org.tegami.api.ServerContext} handed to plugins, the listener bindings, and what a
 * configuration reload changes ({@link org.tegami.core.server.ConfigReload}).
 */
package org.tegami.core.server;

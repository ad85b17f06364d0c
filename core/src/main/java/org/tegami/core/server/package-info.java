/**
 * The running server's parts that join the others: the live extension registry and the
 * {@link org.tegami.api.ServerContext} handed to plugins.
 */
package org.tegami.core.server;

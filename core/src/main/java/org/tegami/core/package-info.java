/**
 * Core's internals: the {@link org.tegami.core.Tegami} wiring and its parts in the
 * sub-packages (config, spool, maildir, delivery, auth, net, plugin, server, cli). Plugins
 * must not use anything here; their API is {@code org.tegami.api}.
 */
package org.tegami.core;

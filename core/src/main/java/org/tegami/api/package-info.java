/**
 * The public face of Tegami's core: the extension points a plugin implements and the value
 * types and services it uses. Plugins import nothing else from core.
 *
 * <p>Lifecycle of every extension ({@link org.tegami.api.TegamiExtension}): the host creates
 * it, calls {@code configure} with the plugin's own settings (keys prefixed with the plugin
 * id), then {@code start} with the {@link org.tegami.api.ServerContext}, and {@code stop} on
 * shutdown or unload. Extension methods may be called from many threads at once unless their
 * javadoc says otherwise.
 */
package org.tegami.api;

/**
 * The plugin host: loads the PF4J plugins from {@code plugins.dir}, finds their
 * {@link org.tegami.api.TegamiExtension}s, runs their lifecycle with failure isolation (one
 * broken plugin or extension is reported by name and the others run), and picks up jars
 * dropped into or removed from the folder while the server runs.
 */
package org.tegami.core.plugin;

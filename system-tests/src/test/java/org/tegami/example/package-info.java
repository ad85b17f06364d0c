/**
 * An example third-party plugin, walked through in {@code docs/writing-a-plugin.md}: the
 * {@code blocklist} plugin refuses mail to a configured list of recipients. Its descriptor is
 * {@code src/test/resources/org/tegami/example/plugin.properties}; {@code ExamplePluginIT}
 * builds it into a jar, drops it into a running server and takes it out again.
 */
package org.tegami.example;

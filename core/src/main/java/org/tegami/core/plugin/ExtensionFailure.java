package org.tegami.core.plugin;

/**
 * An extension that failed a lifecycle step and was dropped.
 *
 * @param pluginId the plugin it belongs to
 * @param extensionClass its class name
 * @param step {@code create}, {@code configure} or {@code start}
 * @param cause what it threw; a {@link org.tegami.api.ConfigException} names file and line
 */
public record ExtensionFailure(String pluginId, String extensionClass, String step, Throwable cause) {

    /** One line for the log and the command line. */
    public String describe() {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "plugin " + pluginId + ": " + extensionClass + " failed to " + step + ": " + message;
    }
}

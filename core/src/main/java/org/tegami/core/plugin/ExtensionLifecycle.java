package org.tegami.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.api.TegamiExtension;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Runs configure, start and stop over extension slots, each step isolated: an extension that
 * throws is marked failed, logged at ERROR with its plugin's name, and skipped from then on.
 */
final class ExtensionLifecycle {

    private static final TaggedLogger LOG = Logger.tag("plugin");

    private ExtensionLifecycle() {
    }

    static List<ExtensionFailure> configure(List<ExtensionSlot> slots, Function<String, Settings> settings) {
        List<ExtensionFailure> failures = new ArrayList<>();
        for (ExtensionSlot slot : slots) {
            if (slot.state != ExtensionSlot.State.LOADED || slot.instance == null) {
                continue;
            }
            try {
                withLoaderOf(slot, () -> slot.instance.configure(settings.apply(slot.pluginId)));
                slot.state = ExtensionSlot.State.CONFIGURED;
            } catch (Exception | LinkageError e) {
                failures.add(fail(slot, "configure", e));
            }
        }
        return failures;
    }

    /** Configures a new instance for a slot (a reload), with the slot's class loader; the slot is not changed. */
    static void configureOne(ExtensionSlot slot, TegamiExtension fresh, Settings settings) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(fresh.getClass().getClassLoader());
        try {
            fresh.configure(settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Asks the started ones to re-read their files; a failure is only logged. */
    static void refresh(List<ExtensionSlot> slots) {
        for (ExtensionSlot slot : slots) {
            if (slot.state == ExtensionSlot.State.STARTED) {
                try {
                    withLoaderOf(slot, () -> slot.instance.refresh());
                } catch (Exception | LinkageError e) {
                    LOG.error(e, "plugin {}: {} failed to refresh", slot.pluginId, slot.className);
                }
            }
        }
    }

    static List<ExtensionFailure> start(List<ExtensionSlot> slots, Class<? extends TegamiExtension> type,
            Function<String, ServerContext> contexts) {
        List<ExtensionFailure> failures = new ArrayList<>();
        for (ExtensionSlot slot : slots) {
            if (slot.state != ExtensionSlot.State.CONFIGURED || !type.isInstance(slot.instance)) {
                continue;
            }
            try {
                withLoaderOf(slot, () -> slot.instance.start(contexts.apply(slot.pluginId)));
                slot.state = ExtensionSlot.State.STARTED;
            } catch (Exception | LinkageError e) {
                failures.add(fail(slot, "start", e));
                // Release what a half-done start may have opened.
                stopQuietly(slot);
            }
        }
        return failures;
    }

    /** Stops the started ones in the given order; stop must not throw, but a failure is only logged. */
    static void stop(List<ExtensionSlot> slots) {
        for (ExtensionSlot slot : slots) {
            if (slot.state == ExtensionSlot.State.STARTED) {
                stopQuietly(slot);
                slot.state = ExtensionSlot.State.STOPPED;
            }
        }
    }

    /** Stops an instance a reload replaced in {@code slot}; a failure is only logged. */
    static void stopInstance(ExtensionSlot slot, TegamiExtension instance) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(instance.getClass().getClassLoader());
        try {
            instance.stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.error(e, "plugin {}: {} failed to stop", slot.pluginId, slot.className);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void stopQuietly(ExtensionSlot slot) {
        try {
            withLoaderOf(slot, () -> slot.instance.stop());
        } catch (Exception | LinkageError e) {
            LOG.error(e, "plugin {}: {} failed to stop", slot.pluginId, slot.className);
        }
    }

    private static ExtensionFailure fail(ExtensionSlot slot, String step, Throwable e) {
        slot.fail(step, e);
        if (e instanceof org.tegami.api.ConfigException) {
            LOG.error("{}", slot.failure.describe());
        } else {
            LOG.error(e, "{}", slot.failure.describe());
        }
        return slot.failure;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Plugin code may look up resources through the context class loader. */
    private static void withLoaderOf(ExtensionSlot slot, Step step) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(slot.instance.getClass().getClassLoader());
        try {
            step.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

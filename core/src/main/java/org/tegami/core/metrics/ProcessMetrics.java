package org.tegami.core.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;

/**
 * Process basics, computed at scrape time from the JVM's management beans: uptime, heap, and
 * file descriptors where the platform tells them (Unix JVMs).
 */
final class ProcessMetrics {

    private ProcessMetrics() {
    }

    /** @param startNanos {@link System#nanoTime()} when the server started */
    static void register(MetricsRegistry registry, long startNanos) {
        registry.computedGauge("tegami_uptime_seconds", "Seconds since the server started.",
                () -> (System.nanoTime() - startNanos) / 1e9);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        registry.computedGauge("tegami_jvm_heap_used_bytes", "Bytes of JVM heap in use.",
                () -> memory.getHeapMemoryUsage().getUsed());
        registry.computedGauge("tegami_jvm_heap_max_bytes", "Most bytes the JVM heap may grow to (NaN if unbounded).",
                () -> {
                    long max = memory.getHeapMemoryUsage().getMax();
                    return max < 0 ? Double.NaN : max;
                });
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            registry.computedGauge("tegami_process_open_fds", "File descriptors the process has open.",
                    unix::getOpenFileDescriptorCount);
            registry.computedGauge("tegami_process_max_fds", "Most file descriptors the process may open.",
                    unix::getMaxFileDescriptorCount);
        }
    }
}

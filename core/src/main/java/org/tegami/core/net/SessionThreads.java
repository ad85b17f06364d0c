package org.tegami.core.net;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the executor that runs sessions: one virtual thread per task when the runtime has
 * them (Java 21+), otherwise a pool of platform threads bounded by the connection limit.
 * Found by reflection because the code is compiled for Java 17.
 */
final class SessionThreads {

    private SessionThreads() {
    }

    /** Whether {@link #create} will use virtual threads on this runtime. */
    static boolean virtualThreadsAvailable() {
        return virtualExecutorFactory() != null;
    }

    static ExecutorService create(int maxThreads) {
        Method factory = virtualExecutorFactory();
        if (factory != null) {
            try {
                return (ExecutorService) factory.invoke(null);
            } catch (ReflectiveOperationException e) {
                // fall through to the platform pool
            }
        }
        return boundedPool(maxThreads);
    }

    /** Lets a platform pool made by {@link #create} grow to a new limit; virtual threads need nothing. */
    static void resize(ExecutorService executor, int maxThreads) {
        if (executor instanceof ThreadPoolExecutor pool) {
            pool.setMaximumPoolSize(maxThreads + SLACK);
        }
    }

    private static Method virtualExecutorFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Idle threads are reused and time out after 30 s, so threads exist only while sessions
     * do, and a new connection seldom pays for a new thread (a pool whose core size is the
     * limit would start a fresh thread per connection until it had made them all). The
     * connection limiter admits at most {@code maxThreads} sessions; the slack covers the
     * instant between one session releasing its slot and its thread becoming idle.
     */
    private static final int SLACK = 64;

    private static ExecutorService boundedPool(int maxThreads) {
        AtomicLong count = new AtomicLong();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "session-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(0, maxThreads + SLACK, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
}

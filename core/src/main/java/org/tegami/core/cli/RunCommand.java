package org.tegami.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.tegami.api.ConfigException;
import org.tegami.core.Tegami;
import org.tegami.core.config.ServerConfig;
import org.tegami.core.daemon.HangupSignal;
import org.tegami.core.daemon.PidFile;
import org.tegami.core.daemon.ReloadStatus;
import org.tegami.core.plugin.LoggingSetup;
import org.tegami.core.server.ReloadOutcome;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/** {@code tegami run}: the daemon, in the foreground, until SIGTERM or SIGINT; SIGHUP reloads. */
final class RunCommand implements CliCommand {

    private static final TaggedLogger LOG = Logger.tag("server");

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run the server in the foreground";
    }

    @Override
    public String usage() {
        return """
                usage: tegami [--conf DIR] run

                Starts the listeners, the queue and the plugins, and runs in the foreground.
                SIGHUP (or 'tegami reload') reads tegami.conf again and applies it; SIGTERM or
                SIGINT stops accepting at once, ends sessions that wait for their next command
                with a notice (SMTP 421, IMAP BYE), and gives sessions busy with a command and
                running deliveries shutdown.grace (default 10s) to finish. The process id goes to pid.file (default
                <spool.dir>/tegami.pid) while it runs. Logs go where <conf>/tinylog.properties
                says (the console by default).""";
    }

    @Override
    public int run(List<String> args, CliContext context) throws Exception {
        if (!args.isEmpty()) {
            context.err().println("tegami run: unexpected argument '" + args.get(0) + "'");
            return ExitCodes.USAGE;
        }
        LoggingSetup.useConfigDirectory(context.configDirectory());
        // The handler goes in first: SIGHUP's default action would end the JVM while it starts.
        AtomicReference<Reloading> reloading = new AtomicReference<>();
        Optional<String> noHangup = HangupSignal.install(() -> submit(reloading.get()));
        noHangup.ifPresent(why -> LOG.warn("'tegami reload' will not reach this server: {}", why));
        Path pidPath;
        Optional<PidFile> pidFile;
        Tegami server;
        try {
            pidPath = ServerConfig.load(context.configDirectory()).pidFile();
            pidFile = PidFile.claim(pidPath);
        } catch (ConfigException e) {
            context.err().println("tegami run: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (IOException e) {
            context.err().println("tegami run: cannot write the pid file: " + e.getMessage());
            return ExitCodes.TEMP_FAIL;
        }
        if (pidFile.isEmpty()) {
            LOG.warn("{} belongs to another running tegami: this one runs without a pid file, and 'tegami reload'"
                    + " reaches only that one (kill -HUP {} reaches this one); instances that share a spool each"
                    + " need their own pid.file", pidPath, ProcessHandle.current().pid());
        }
        try {
            server = Tegami.start(context.configDirectory());
        } catch (ConfigException e) {
            pidFile.ifPresent(PidFile::close);
            context.err().println("tegami run: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (IOException e) {
            pidFile.ifPresent(PidFile::close);
            context.err().println("tegami run: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        ExecutorService reloads = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "tegami-reload");
            t.setDaemon(true);
            return t;
        });
        Optional<ReloadStatus> status = pidFile.map(p -> ReloadStatus.besidePidFile(p.file()));
        if (status.isPresent()) {
            try {
                status.get().unreachable(noHangup);
            } catch (IOException e) {
                LOG.warn("cannot write beside {}: {}", status.get().file(), e.getMessage());
            }
        }
        reloading.set(new Reloading(server, status, reloads));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reloads.shutdown();
            server.close();
            status.ifPresent(ReloadStatus::delete);
            pidFile.ifPresent(PidFile::close);
            shutDownLogging();
            stopped.countDown();
        }, "tegami-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** The running server, its reload report (none without a pid file) and the thread reloads run on. */
    private record Reloading(Tegami server, Optional<ReloadStatus> status, ExecutorService thread) {
    }

    /** On the signal thread: queue the reload; before the start ends or after a stop began, ignore it. */
    private static void submit(Reloading reloading) {
        if (reloading == null) {
            LOG.info("SIGHUP ignored: the server is still starting");
            return;
        }
        try {
            reloading.thread().execute(() -> reload(reloading.server(), reloading.status()));
        } catch (RejectedExecutionException e) {
            LOG.info("SIGHUP ignored: the server is stopping");
        }
    }

    /** One SIGHUP: reload, and leave the outcome where 'tegami reload' looks for it. */
    private static void reload(Tegami server, Optional<ReloadStatus> report) {
        LOG.info("SIGHUP: reloading the configuration");
        ReloadOutcome outcome;
        try {
            outcome = server.reload();
        } catch (RuntimeException e) {
            LOG.error(e, "reload failed");
            outcome = ReloadOutcome.failed("internal error: " + e);
        }
        if (report.isEmpty()) {
            return;
        }
        try {
            report.get().write(outcome);
        } catch (IOException e) {
            LOG.error("cannot write {}: {}", report.get().file(), e.getMessage());
        }
    }

    /** Last: with {@code autoshutdown = false} the stop lines above still reach the log. */
    private static void shutDownLogging() {
        try {
            org.tinylog.provider.ProviderRegistry.getLoggingProvider().shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

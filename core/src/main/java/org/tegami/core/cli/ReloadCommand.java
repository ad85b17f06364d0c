package org.tegami.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tegami.core.config.ConfigCheck;
import org.tegami.core.config.ConfigSource;
import org.tegami.core.config.ServerConfig;
import org.tegami.core.daemon.PidFile;
import org.tegami.core.daemon.ReloadStatus;
import org.tegami.core.server.ReloadOutcome;

/**
 * {@code tegami reload}: asks the running daemon of this configuration to read it again.
 *
 * <p>How it reaches the daemon: the daemon's pid file ({@code pid.file}, default
 * {@code <spool.dir>/tegami.pid}) names its process, and the daemon holds a lock on it while it
 * runs ({@link PidFile}); the command sends that process SIGHUP with {@code kill -HUP}, as
 * {@code systemctl reload} or an operator would, then waits for the daemon's report in the file
 * beside it ({@link ReloadStatus}) and prints it. A signal is the simplest channel that works for
 * every way of running the daemon, and the report adds what a signal lacks: whether the new
 * configuration was taken. Instances that share one spool each need their own {@code pid.file}.
 *
 * <p>Exit status: 0 applied; 78 refused (the configuration has a problem, printed as
 * {@code file:line: reason}; the daemon keeps running on the previous one); 75 applied with
 * failures (e.g. a port that cannot be bound) or no report in time; 69 no daemon runs, or it
 * cannot receive SIGHUP (started under nohup).
 */
final class ReloadCommand implements CliCommand {

    static final int NO_DAEMON = 69; // EX_UNAVAILABLE, sysexits(3)
    private static final Duration REPORT_WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public String summary() {
        return "make the running server read tegami.conf again (SIGHUP)";
    }

    @Override
    public String usage() {
        return """
                usage: tegami [--conf DIR] reload

                Sends SIGHUP to the server running with this configuration (found by its pid.file)
                and prints how the reload went. The server checks tegami.conf as at start; when it
                has a problem the server keeps the configuration it runs on. Applied at once:
                domains, listener addresses, net.* limits, shutdown.grace, the plugins' settings (a
                plugin whose settings changed is restarted), and the users, aliases, routes and
                certificate files. Other core keys take effect at the next restart (the log names
                them).
                Exit status: 0 applied, 78 refused, 75 partly failed or no answer, 69 not running or
                cannot receive SIGHUP.""";
    }

    @Override
    public int run(List<String> args, CliContext context) throws Exception {
        if (!args.isEmpty()) {
            context.err().println("tegami reload: unexpected argument '" + args.get(0) + "'");
            return ExitCodes.USAGE;
        }
        Path pidPath = pidFile(context.configDirectory());
        Optional<PidFile.Owner> owner = PidFile.running(pidPath);
        if (owner.isEmpty()) {
            context.err().println("tegami reload: no tegami is running for " + context.configDirectory()
                    + " (no locked pid file " + pidPath + "); start it with 'tegami run'");
            return NO_DAEMON;
        }
        long pid = owner.get().pid();
        if (!owner.get().host().equals(PidFile.localHost())) {
            context.err().println("tegami reload: " + pidPath + " names pid " + pid + " on host " + owner.get().host()
                    + ", not this one; run the command there, or give each instance its own pid.file");
            return NO_DAEMON;
        }
        ReloadStatus status = ReloadStatus.besidePidFile(pidPath);
        Optional<String> unreachable = status.unreachable();
        if (unreachable.isPresent()) {
            context.err().println("tegami reload: pid " + pid + " cannot be reloaded: " + unreachable.get()
                    + "; restart it to apply the configuration");
            return NO_DAEMON;
        }
        long before = status.read().map(ReloadStatus.Report::number).orElse(0L);
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
        String killOutput = new String(kill.getInputStream().readAllBytes()).trim();
        if (kill.waitFor() != 0) {
            context.err().println("tegami reload: kill -HUP " + pid + " failed: " + killOutput);
            return NO_DAEMON;
        }
        Optional<ReloadStatus.Report> report = awaitReport(status, before);
        if (report.isEmpty()) {
            context.err().println("tegami reload: sent SIGHUP to pid " + pid + " but it did not report within "
                    + REPORT_WAIT.toSeconds() + " s; see its log");
            return ExitCodes.TEMP_FAIL;
        }
        ReloadOutcome outcome = report.get().outcome();
        switch (outcome.status()) {
            case APPLIED:
                context.out().println("tegami reload: pid " + pid + " reloaded: " + outcome.message());
                return ExitCodes.OK;
            case REFUSED:
                context.err().println("tegami reload: refused, pid " + pid + " keeps running on its previous"
                        + " configuration: " + outcome.message());
                return ExitCodes.CONFIG;
            default:
                context.err().println("tegami reload: pid " + pid + " reloaded with failures: " + outcome.message());
                return ExitCodes.TEMP_FAIL;
        }
    }

    /** The pid file named by tegami.conf, or the default when the file does not read. */
    private static Path pidFile(Path configDirectory) {
        ServerConfig config = new ConfigCheck(configDirectory).server();
        if (config != null) {
            return config.pidFile();
        }
        return ConfigSource.installationRoot(configDirectory).resolve("spool").resolve("tegami.pid");
    }

    private static Optional<ReloadStatus.Report> awaitReport(ReloadStatus status, long before)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + REPORT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ReloadStatus.Report> report = status.read();
            if (report.isPresent() && report.get().number() > before) {
                return report;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }
}

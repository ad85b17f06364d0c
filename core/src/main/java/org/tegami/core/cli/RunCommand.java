package org.tegami.core.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.tegami.api.ConfigException;
import org.tegami.core.Tegami;
import org.tegami.core.plugin.LoggingSetup;

/** {@code tegami run}: the daemon, in the foreground, until SIGTERM or SIGINT. */
final class RunCommand implements CliCommand {

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

                Starts the listeners, the queue and the plugins, and runs until SIGTERM or SIGINT,
                then stops accepting and lets open sessions finish. Logs go where
                <conf>/tinylog.properties says (the console by default).""";
    }

    @Override
    public int run(List<String> args, CliContext context) throws Exception {
        if (!args.isEmpty()) {
            context.err().println("tegami run: unexpected argument '" + args.get(0) + "'");
            return ExitCodes.USAGE;
        }
        LoggingSetup.useConfigDirectory(context.configDirectory());
        Tegami server;
        try {
            server = Tegami.start(context.configDirectory());
        } catch (ConfigException e) {
            context.err().println("tegami run: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (IOException e) {
            context.err().println("tegami run: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            shutDownLogging();
            stopped.countDown();
        }, "tegami-shutdown"));
        stopped.await();
        return ExitCodes.OK;
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

package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.web.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "The dashboard: a page in your browser over one or more delivery logs — every campaign, who "
                + "has the letter, each recipient's history — with pause and resume. Listens on 127.0.0.1 only "
                + "and prints a one-time sign-in address.")
final class ServeCommand implements Callable<Integer> {

    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH", required = true,
            description = "A delivery log to show (repeat for several), e.g. var/example.db.")
    List<Path> databases;

    @Option(names = "--port", defaultValue = "8025", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Show times in this zone, e.g. Europe/Paris (default: this machine's).")
    String zone;

    private final Clock clock;

    ServeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 (any free port) to 65535");
        }
        for (Path db : databases) {
            if (!Files.isRegularFile(db)) {
                throw new DeliveryLogException("no delivery log at " + Problem.display(db) + ": give --db the log a"
                        + " campaign sends to (its database key, e.g. var/example.db)");
            }
        }
        ZoneId shown;
        try {
            shown = zone == null ? clock.getZone() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--zone '" + zone + "' is not a time zone: give one such"
                    + " as Europe/Paris or America/New_York");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Dashboard dashboard = Dashboard.start(databases.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                clock, shown, port)) {
            out.println("Dashboard for " + databases.size() + " delivery log" + (databases.size() == 1 ? "" : "s")
                    + ": open this address once in your browser (it signs you in, then stops working):");
            out.println("  " + dashboard.signInUrl());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            dashboard.join();
        }
        return ExitCode.OK;
    }
}

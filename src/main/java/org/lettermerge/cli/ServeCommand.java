package org.lettermerge.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.lettermerge.campaign.Durations;
import org.lettermerge.campaign.Overrides;
import org.lettermerge.delivery.RunAll;
import org.lettermerge.followup.MailboxWatch;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.Progress;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.web.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"The dashboard: a page in your browser over one or more delivery logs — every campaign, who "
                + "has the letter, who answered, what needs a decision — with pause, resume, cancel, resolve, "
                + "suppress and follow-ups. Listens on 127.0.0.1 and prints a one-time sign-in address.",
                "With --run it also sends, as `lettermerge run` does, in the same process."})
final class ServeCommand implements Callable<Integer> {

    /** The shared password, when the dashboard listens beyond this machine: from the environment, never an option. */
    static final String PASSWORD_VARIABLE = "LETTERMERGE_DASHBOARD_PASSWORD";

    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH", required = true,
            description = "A delivery log to show (repeat for several), e.g. var/example.db.")
    List<Path> databases;

    @Option(names = "--port", defaultValue = "8025", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other needs "
                    + "--public-url and a password in " + PASSWORD_VARIABLE + ".")
    String bind;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address organizers open when the dashboard is behind a reverse proxy, e.g. "
                    + "https://letters.example.org (the proxy serves TLS; the dashboard checks every request names it).")
    URI publicUrl;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Show times in this zone, e.g. Europe/Paris (default: this machine's).")
    String zone;

    @Option(names = "--run", description = "Also run the scheduler on every --db, as `lettermerge run` does: "
            + "one process for a small server the team shares. Ctrl-C stops both, the letter in flight settled.")
    boolean run;

    @Option(names = "--read-mailboxes", paramLabel = "EVERY", arity = "0..1", fallbackValue = "5m",
            description = "Also read every campaign's mailbox (replies, bounces) at the start and then every EVERY "
                    + "(default ${FALLBACK-VALUE}), as `run --read-mailboxes` does: the pages show answers as they come.")
    String readMailboxes;

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
        String password = reach();
        List<Path> logs = databases.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        PrintWriter out = spec.commandLine().getOut();
        try (Dashboard dashboard = start(new Dashboard.Options(logs, shown, bind, port, publicUrl, password))) {
            out.println("Dashboard for " + logs.size() + " delivery log" + (logs.size() == 1 ? "" : "s")
                    + ": open this address once in your browser (it signs you in, then stops working):");
            out.println("  " + dashboard.signInUrl());
            if (password != null) {
                out.println("Organizers sign in at " + publicUrl + " with the password in " + PASSWORD_VARIABLE + ".");
            }
            out.println(run ? "Sending too (as lettermerge run). Press Ctrl-C to stop both." : "Press Ctrl-C to stop.");
            out.flush();
            // One for the mailboxes and the scheduler, so an OAuth account's token is fetched and renewed once;
            // none when serve only shows (finding the token store may ask the desktop's keyring).
            Logins logins = run || readMailboxes != null ? new Logins(clock) : null;
            List<MailboxWatch> mailboxes = new ArrayList<>();
            try {
                if (readMailboxes != null) {
                    Duration every = Durations.parse(readMailboxes);
                    for (Path db : logs) {
                        mailboxes.add(new MailboxWatch(db, clock, logins::forMailbox, spec.commandLine().getErr())
                                .every(every));
                    }
                }
                if (run) {
                    return StopOnSignal.around(stop -> schedule(logs, logins, stop, out));
                }
                dashboard.join();
            } finally {
                mailboxes.forEach(MailboxWatch::close);
            }
        }
        return ExitCode.OK;
    }

    private Dashboard start(Dashboard.Options options) throws Exception {
        try {
            return Dashboard.start(options, clock);
        } catch (java.io.IOException e) {
            if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
                throw new ParameterException(spec.commandLine(), "port " + port + " on " + bind + " is already in use"
                        + " (another `lettermerge serve`?): stop that one, or choose another with --port (0: any free"
                        + " port)");
            }
            throw e;
        }
    }

    /**
     * Checks how the dashboard may be reached and returns the password it needs (null on loopback). Anywhere but
     * loopback, a one-time token printed on a server's terminal is not enough: a password, and the address the
     * proxy serves, so the Host and Origin checks still hold.
     */
    private String reach() {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind '" + bind + "' is not an address of this machine");
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (loopback && publicUrl == null) {
            return null;
        }
        // https only: the session cookie is then Secure, and the password never crosses a network in clear text.
        if (publicUrl == null || publicUrl.getHost() == null || !"https".equalsIgnoreCase(publicUrl.getScheme())) {
            throw new ParameterException(spec.commandLine(), "--bind " + bind + " listens beyond this machine: give"
                    + " --public-url, the https address of the reverse proxy in front of it (see the README's Dashboard)");
        }
        if (password == null || password.length() < 12) {
            throw new ParameterException(spec.commandLine(), "a dashboard others can reach needs a password of at least"
                    + " 12 characters in the environment variable " + PASSWORD_VARIABLE + " (never on the command line)");
        }
        return password;
    }

    /** One scheduler per log, each as `lettermerge run --db` would be, until Ctrl-C. */
    private int schedule(List<Path> logs, Logins logins, StopSignal stop, PrintWriter out) throws InterruptedException {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> schedulers = new ArrayList<>();
        for (Path db : logs) {
            Thread t = new Thread(() -> {
                try {
                    RunAll.run(db, false, logins::forServer, Overrides.of(null, null, null, null), stop,
                            events(out), clock, Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stop.request(); // one log cannot be sent from: stop them all and say why
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lettermerge-run-" + db.getFileName());
            schedulers.add(t);
            t.start();
        }
        for (Thread t : schedulers) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return ExitCode.OK;
    }

    /** What the terminal shows while serve sends: each campaign starting, pausing, resuming, finishing. */
    private Progress events(PrintWriter out) {
        return new Progress() {
            @Override
            public void campaign(String campaign, String event) {
                synchronized (out) {
                    out.println(Problem.moment(clock.instant()) + "  " + campaign + ": " + event);
                    out.flush();
                }
            }
        };
    }
}

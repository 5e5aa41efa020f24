package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Overrides;
import org.lettermerge.delivery.RunAll;
import org.lettermerge.followup.MailboxWatch;
import org.lettermerge.store.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The scheduler: sends every due letter of every campaign in the delivery log, at each "
                + "account's pace, retrying deferred letters, and picks up campaigns queued after it started.",
                "Stops cleanly on Ctrl-C or SIGTERM: the letter in flight is settled, no new one starts."})
final class RunCommand implements Callable<Integer> {

    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "PATH", description = "The delivery log (SQLite).")
    Path database;

    @Option(names = "--once", description = "One pass over everything due now, then exit (for cron).")
    boolean once;

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Send at most this fast, e.g. 30/min, 2/s or unlimited (overrides every campaign's smtp.rate).")
    String rate;

    @Option(names = "--read-mailboxes", paramLabel = "EVERY", arity = "0..1", fallbackValue = "5m",
            description = "Also read every campaign's mailbox (replies, bounces): at the start and then every EVERY "
                    + "(default ${FALLBACK-VALUE}); with --once, once.")
    String readMailboxes;

    @Option(names = "--poll", defaultValue = "30s", paramLabel = "DURATION",
            description = "How often to look for new campaigns and due letters when idle (default: ${DEFAULT-VALUE}).")
    String poll;

    private final Clock clock;

    RunCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Duration idle = org.lettermerge.campaign.Durations.parse(poll);
        Logins logins = new Logins(clock);
        MailboxWatch mailboxes = new MailboxWatch(database.toAbsolutePath().normalize(), clock, logins::forMailbox,
                spec.commandLine().getErr());
        if (readMailboxes != null && once) {
            out.println("Read the mailboxes: " + mailboxes.readAll() + " new messages recorded");
        } else if (readMailboxes != null) {
            mailboxes.every(org.lettermerge.campaign.Durations.parse(readMailboxes));
        }
        try (mailboxes) {
            return schedule(out, idle, logins);
        }
    }

    private int schedule(PrintWriter out, Duration idle, Logins logins) throws InterruptedException {
        return StopOnSignal.around(stop -> {
            out.println("Scheduler running on " + org.lettermerge.problems.Problem.display(database)
                    + (once ? " (one pass)" : "; Ctrl-C stops it after the letter in flight"));
            out.flush();
            RunAll.Result result = RunAll.run(database, once, logins::forServer,
                    Overrides.of(null, null, null, rate), stop,
                    new ProgressLine(spec.commandLine().getErr(), out, clock), clock, idle);
            result.recovered().forEach((campaign, rows) -> rows.forEach((id, state) -> out.println(campaign
                    + ": recovered an interrupted send (recipient #" + id + "): now " + state)));
            var report = result.report();
            out.printf("Sent %d accepted, %d deferred, %d failed, %d unknown, in %.1f s%n",
                    report.count(State.ACCEPTED), report.count(State.DEFERRED), report.count(State.FAILED),
                    report.count(State.UNKNOWN), report.elapsed().toMillis() / 1000.0);
            if (report.nextAction() != null) {
                out.println("Next letter due at " + report.nextAction());
            }
            return ExitCode.OK;
        });
    }
}

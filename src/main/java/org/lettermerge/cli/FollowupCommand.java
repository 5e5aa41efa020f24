package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.followup.FollowupStart;
import org.lettermerge.followup.Reminders;
import org.lettermerge.problems.Problem;
import org.lettermerge.status.Totals;
import org.lettermerge.store.Followups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "followup", mixinStandardHelpOptions = true,
        description = {"Queue a threaded reminder (a follow-up campaign <name>-followup-N) to the campaign's "
                + "recipients in --who, and return: `lettermerge run` sends it from --at, or now + --after (default: now).",
                "Whether a recipient still qualifies is checked again as each reminder is sent: someone who replied "
                        + "in between gets nothing (the row is skipped with the reason)."})
final class FollowupCommand implements Callable<Integer> {

    @Mixin CampaignRef ref;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--template", paramLabel = "FILE", required = true,
            description = "The reminder's text template (Mustache): the recipient's columns, the campaign's data, "
                    + "original_date and original_subject.")
    Path template;

    @Option(names = "--who", paramLabel = "WHO", required = true,
            description = "no-reply (accepted, no reply or bounce read), failed, unknown, bounced or deferred.")
    String who;

    @Option(names = "--after", paramLabel = "DURATION",
            description = "Start this long from now, e.g. 7d or 36h; 0s or now: at once. Also the least time between "
                    + "two reminders about this letter to one person (without --after or --at: 1 day).")
    String after;

    @Option(names = "--another",
            description = "Create it even though an earlier follow-up is scheduled, still sending or younger than "
                    + "the spacing (--after). Whoever got a reminder less than the spacing ago is still skipped when "
                    + "it is sent.")
    boolean another;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Start at TIME, e.g. \"2026-12-14 09:00 Europe/Paris\" (default zone: the campaign's).")
    String at;

    @Option(names = "--subject", paramLabel = "TEMPLATE",
            description = "Subject template (default: \"" + Reminders.DEFAULT_SUBJECT + "\").")
    String subject;

    private final Clock clock;

    FollowupCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (at != null && after != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at and --after exclude each other");
        }
        Followups.Who audience;
        try {
            audience = Followups.Who.of(who);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--who must be no-reply, failed, unknown, bounced or deferred, not '" + who + "'");
        }
        Campaign parent = ref.load();
        Instant now = clock.instant();
        FollowupStart start = at != null ? FollowupStart.at(at, parent.schedule().zone(), now, "--at")
                : after != null ? FollowupStart.after(after, now, "--after") : FollowupStart.now(now);
        Instant startAt = start.startAt();
        Path file = template.isAbsolute() ? template : Path.of("").toAbsolutePath().resolve(template);
        Reminders.Created created = Reminders.create(parent, new Reminders.Request(audience, file, subject, startAt,
                start.spacing(), another), clock);
        out.println("Queued follow-up " + created.campaign().name() + " (" + audience.stored() + "): "
                + Totals.line(created.totals()) + ".");
        String db = Problem.display(parent.database());
        out.println("Its reminders go out from " + startAt + " while `" + Hint.lettermerge("run", "--db", db)
                + "` is running (or a cron job runs `" + Hint.lettermerge("run", "--db", db, "--once") + "`); "
                + "anyone who no longer qualifies then is skipped.");
        return ExitCode.OK;
    }
}

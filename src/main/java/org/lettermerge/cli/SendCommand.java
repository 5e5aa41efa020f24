package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.delivery.Consent;
import org.lettermerge.delivery.LiveSend;
import org.lettermerge.delivery.SendPlan;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.ScheduleTime;
import org.lettermerge.status.Totals;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.PauseKind;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.delivery.TestSend;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.smtp.Credentials;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.store.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"A dry run unless --live: renders every letter, sends nothing, prints what would be sent.",
                "With --live, sends each letter once. Running it again is always safe: letters the server accepted "
                        + "are never sent again, so an interrupted campaign is finished by the same command."})
final class SendCommand implements Callable<Integer> {

    @Mixin CampaignOptions options;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--live", description = "Really send.")
    boolean live;

    @Option(names = "--limit", paramLabel = "N", description = "Send at most N letters in this run (1 or more).")
    Integer limitOption;

    @Option(names = "--test-to", paramLabel = "ADDRESS",
            description = "Send the first recipient's letter to ADDRESS (yourself) only; recorded as a test, not a delivery.")
    String testTo;

    @Option(names = "--at", paramLabel = "TIME",
            description = "With --live: queue the campaign to start at TIME and return, e.g. \"2026-12-07 09:00 "
                    + "America/New_York\" (default zone: the campaign's). `lettermerge run` sends it then.")
    String at;

    @Option(names = "--new-log", description = "Queue the campaign in this delivery log even though it was queued"
            + " in another log before (or this one lost it): everyone who has no accepted letter in this log gets one.")
    boolean newLog;

    @Option(names = "--same-campaign", description = "With --accept-changes: the template and the recipients both"
            + " changed, and it is still the same campaign (not a new letter, which needs its own name:).")
    boolean sameCampaign;

    @Option(names = "--accept-changes",
            description = "The campaign changed after letters went out: record the new version and go on.")
    boolean acceptChanges;

    private final Clock clock;

    SendCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (limitOption != null && limitOption < 1) {
            // 0 used to mean "no limit": someone asking for 0 letters must not get the whole campaign.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more (it is "
                    + limitOption + "); leave --limit out to send every letter that can go now");
        }
        Campaign campaign = options.load();
        PreparedCampaign prepared = Preflight.prepare(campaign);
        if (prepared.hasErrors()) {
            throw new InvalidInputException(prepared.errors());
        }
        if (testTo != null) {
            return testSend(out, prepared);
        }
        return live ? liveSend(out, prepared) : dryRun(out, prepared);
    }

    private int dryRun(PrintWriter out, PreparedCampaign prepared) {
        Campaign c = prepared.campaign();
        Optional<RuntimeException> refusal = LiveSend.refusal(prepared, consent(), clock);
        if (refusal.isPresent()) {
            out.println("Dry run: nothing is sent. With --live, nothing would be sent either: "
                    + refusal.get().getMessage());
            return Failures.predicted(refusal.get());
        }
        SendPlan plan = SendPlan.of(prepared, Files.exists(c.database()) ? StoredRows.of(c, clock) : List.of(),
                StoredRows.suppressed(c, clock));
        int letters = limitOption != null ? Math.min(limitOption, plan.count()) : plan.count();
        out.println("Dry run: nothing is sent. With --live, " + letters + " letter"
                + (letters == 1 ? "" : "s") + " would go through " + Endpoint.describe(c.smtp(), options.overrides()) + ":");
        int n = 0;
        for (Recipient r : plan.toSend()) {
            if (n == letters) {
                break;
            }
            var letter = prepared.render(r);
            out.printf("  %3d. %s%s — %s%n", ++n, letter.toName() == null || letter.toName().isBlank() ? ""
                    : letter.toName() + " ", "<" + r.email() + ">", letter.subject());
        }
        plan.skipped().forEach(s -> out.println("  skipped " + s.email() + ": " + s.reason()));
        out.println((at == null ? "To send them: " : "To queue them to go out at " + at + ": ") + liveCommand());
        return ExitCode.OK;
    }

    /** This command as it would do what was asked: --live added, every other option kept (--at never dropped). */
    private Hint liveCommand() {
        return Hint.lettermerge("send", options.ref.campaignFile, "--live").option("--at", at).given(options)
                .option("--limit", limitOption).flag("--accept-changes", acceptChanges).flag("--new-log", newLog);
    }

    private int testSend(PrintWriter out, PreparedCampaign prepared) {
        Logins logins = new Logins(clock);
        logins.requireSignedIn(prepared.campaign());
        TestSend.Result result = TestSend.run(prepared, testTo, logins.forServer(prepared.campaign()), clock);
        out.println("Test letter (the letter for " + result.letterOf().email() + ") sent to " + result.to()
                + " through " + result.server() + ": " + result.outcome().describe());
        out.println("Recorded in the log as a test, not as a delivery to " + result.letterOf().email() + ".");
        return result.outcome() instanceof SendOutcome.Accepted ? ExitCode.OK : ExitCode.SOME_NOT_DELIVERED;
    }

    private int liveSend(PrintWriter out, PreparedCampaign prepared) throws InterruptedException {
        Instant startAt = startAt(prepared);
        Logins logins = new Logins(clock);
        logins.requireSignedIn(prepared.campaign());
        Credentials credentials = startAt == null ? logins.forServer(prepared.campaign()) : null;
        // First, before anything goes out: where the letters are going, and what the --smtp-* options changed.
        out.println((startAt == null ? "Sending through " : "Will send through ")
                + Endpoint.describe(prepared.campaign().smtp(), options.overrides()));
        out.flush();
        return StopOnSignal.around(stop -> {
            LiveSend.Result result;
            try {
                result = LiveSend.run(prepared,
                        new LiveSend.Options(limit(), consent(), credentials, stop, startAt, options.overrides()),
                        new ProgressLine(spec.commandLine().getErr(), clock), clock);
            } catch (LiveSend.HandedToScheduler running) {
                return handedOver(out, running);
            }
            return summarize(out, result, stop, prepared.campaign());
        });
    }

    /** `run` sends from this log: the campaign is queued for it; this command sends nothing itself (exit 7). */
    private int handedOver(PrintWriter out, LiveSend.HandedToScheduler running) {
        out.println("Queued for the scheduler: " + running.getMessage() + " (" + running.due() + " letter"
                + (running.due() == 1 ? "" : "s") + " to send now, as its pace allows).");
        out.println("Follow it with `" + Hint.lettermerge("status", options.ref.campaignFile).given(options.ref) + "`; to hold this campaign back, `"
                + Hint.lettermerge("pause", options.ref.campaignFile).given(options.ref) + "`; to stop the scheduler, press Ctrl-C where it runs"
                + (running.pid() > 0 ? " (or `kill " + running.pid() + "`)" : "") + ".");
        return ExitCode.BUSY;
    }

    private Consent consent() {
        return new Consent(acceptChanges, sameCampaign, newLog);
    }

    /** The scheduler's convention: 0 = no limit. */
    private int limit() {
        return limitOption == null ? 0 : limitOption;
    }

    /** --at, read in the campaign's time zone unless it names one; never in the past. */
    private Instant startAt(PreparedCampaign prepared) {
        if (at == null) {
            return null;
        }
        Instant instant;
        try {
            instant = ScheduleTime.parse(at, prepared.campaign().schedule().zone());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(org.lettermerge.problems.Problem.error("--at", e.getMessage()));
        }
        if (instant.isBefore(clock.instant())) {
            throw new InvalidInputException(org.lettermerge.problems.Problem.error("--at", "'" + at
                    + "' is in the past (" + instant + "): give a later time, or leave --at out to send now"));
        }
        return instant;
    }

    private int summarize(PrintWriter out, LiveSend.Result result, StopSignal stop, Campaign sent) {
        ZoneId zone = sent.schedule().zone();
        result.queued().forEach(line -> out.println("Queued: " + line));
        result.recovered().forEach((id, state) -> out.println("Recovered an interrupted send (recipient #" + id
                + "): now " + state));
        CampaignRecord campaign = result.campaign();
        Scheduler.Report report = result.report();
        if (report == null && campaign.state() == CampaignState.ACTIVE) {
            out.println("Scheduled: its letters go out from " + campaign.scheduledAt() + " while `" + run(sent) + "` is"
                    + " running (or a cron job runs `" + run(sent).add("--once") + "`).");
            out.println("Campaign now: " + Totals.line(result.totals()));
            return ExitCode.OK;
        }
        boolean pausedByServer = campaign.state() == CampaignState.PAUSED && campaign.pauseKind().isAboutTheServer();
        if (report != null) {
            // The pause is said once, by the summary below.
            report.notes().stream()
                    .filter(note -> !(pausedByServer && note.pause() && note.campaign().equals(campaign.name())))
                    .forEach(note -> out.println("Note: " + note));
            boolean waitsForLater = report.nextAction() != null && campaign.state() == CampaignState.ACTIVE;
            if (report.outcomes().isEmpty()) {
                if (campaign.state() == CampaignState.ACTIVE && !waitsForLater) {
                    out.println("Nothing to send now: every recipient is accepted, failed, unknown, skipped, removed or not due yet.");
                }
            } else {
                out.println("Sent through " + report.server());
                out.printf("This run: %d accepted, %d deferred, %d failed, %d unknown, in %.1f s%n",
                        report.count(State.ACCEPTED), report.count(State.DEFERRED), report.count(State.FAILED),
                        report.count(State.UNKNOWN), report.elapsed().toMillis() / 1000.0);
            }
            if (waitsForLater) {
                out.println(later(report.nextAction(), result.totals(), zone, sent));
            }
        }
        if (report != null && pausedByServer) {
            out.println(paused(campaign, report, result.totals(), zone));
        }
        out.println("Campaign now: " + Totals.line(result.totals()));
        out.flush();
        if (campaign.state() != CampaignState.ACTIVE) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Campaign " + campaign.name() + " is " + campaign.state().name().toLowerCase()
                    + (campaign.pauseReason() == null ? "" : ": " + campaign.pauseReason()));
            if (campaign.state() == CampaignState.PAUSED && !campaign.pauseKind().isAboutTheServer()) {
                err.println("Letters not yet sent are still queued; `"
                        + Hint.lettermerge("resume", options.ref.campaignFile).given(options.ref) + "` goes on.");
            }
            return campaign.state() == CampaignState.PAUSED && campaign.pauseKind().isAboutTheServer()
                    ? ExitCode.SERVER_UNAVAILABLE : ExitCode.SOME_NOT_DELIVERED;
        }
        if (stop.isRequested()) {
            spec.commandLine().getErr().println("Stopped: letters not yet sent are still queued; run the same command "
                    + "again to go on.");
        }
        return Totals.allDelivered(result.totals()) ? ExitCode.OK : ExitCode.SOME_NOT_DELIVERED;
    }

    /**
     * `lettermerge run` on this campaign's log (the overrides given here are stored with the campaign for it), from
     * the campaign already loaded: the campaign file is not read again for a hint.
     */
    private static Hint run(Campaign sent) {
        return Hint.lettermerge("run", "--db", org.lettermerge.problems.Problem.display(sent.database()));
    }

    /** A run that sent what it could now (the daily cap, a retry, the send window): what waits, and until when. */
    private String later(Instant next, Map<State, Integer> totals, ZoneId zone, Campaign sent) {
        var at = next.atZone(zone);
        long days = java.time.temporal.ChronoUnit.DAYS.between(clock.instant().atZone(zone).toLocalDate(), at.toLocalDate());
        String day = days == 0 ? "today" : days == 1 ? "tomorrow" : "on " + at.toLocalDate();
        return waiting(totals) + " for the account's pace or daily cap, a"
                + " retry or the send window: the next one can go at " + DateTimeFormatter.ofPattern("HH:mm z").format(at)
                + " " + day + ". Run this command again then; `" + run(sent) + "` (or cron with `" + run(sent).add("--once")
                + "`) sends them when they are due.";
    }

    /**
     * One line for a campaign the server stopped: why, what waits, and when it is tried again, e.g. "Paused: cannot
     * reach smtp.example.org:587 (connection refused). 10 letters wait; the next try is at 14:02:10 CET ...".
     */
    private static String paused(CampaignRecord campaign, Scheduler.Report report, Map<State, Integer> totals,
                                 ZoneId zone) {
        String why = campaign.pauseKind() == PauseKind.UNREACHABLE && report.unreachable() != null
                ? report.unreachable() : campaign.pauseReason();
        why = why == null ? "the server stopped us" : why.strip().replaceAll("\\.+$", "");
        String next = campaign.resumeAt() == null
                ? "they wait for you: fix the cause, then run this command again"
                : "the next try is at " + DateTimeFormatter.ofPattern("HH:mm:ss z").format(campaign.resumeAt().atZone(zone))
                        + " while `lettermerge run` is going, or at once when you run this command again";
        return "Paused: " + why + ". " + waiting(totals) + "; " + next + ".";
    }

    /** "3 letters wait": the queued and deferred ones. */
    private static String waiting(Map<State, Integer> totals) {
        int n = totals.getOrDefault(State.QUEUED, 0) + totals.getOrDefault(State.DEFERRED, 0);
        return n + (n == 1 ? " letter waits" : " letters wait");
    }
}

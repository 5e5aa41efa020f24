package org.lettermerge.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.schedule.Progress;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.SenderLock;
import org.lettermerge.store.State;

/**
 * {@code send --live}: queue the campaign in the log (once, as a version), then either record when it may start
 * ({@code --at}) or settle what a crashed run left in SENDING and send, at the account's pace, every letter that
 * can go out now. Safe to run again: accepted rows are never sent twice.
 */
public final class LiveSend {

    /**
     * @param limit         send at most this many (0 = no limit)
     * @param consent       what the organizer confirmed: changes, a different letter, a new log
     * @param password      the relay's password, or null
     * @param stop          asked to stop (Ctrl-C): no new letter is started
     * @param startAt       queue it for this instant and return, or null to send now
     * @param overrides     command-line overrides to keep with the campaign for `run`
     */
    public record Options(int limit, Consent consent, char[] password, StopSignal stop, Instant startAt,
                          Map<String, String> overrides) {}

    /**
     * What happened: queue changes, rows recovered from a crash, what the run sent (null when only scheduled),
     * why the campaign is not being sent (paused, cancelled), and its totals.
     */
    public record Result(List<String> queued, Map<Long, State> recovered, Scheduler.Report report,
                         CampaignRecord campaign, Map<State, Integer> totals) {}

    private LiveSend() {}

    public static Result run(PreparedCampaign p, Options options, Progress progress, Clock clock)
            throws InterruptedException {
        if (p.hasErrors()) {
            throw new InvalidInputException(p.errors());
        }
        Path database = p.campaign().database();
        CampaignMemory memory = CampaignMemory.beside(p.campaign().file());
        if (Files.isDirectory(database.toAbsolutePath().getParent()) && !Files.exists(database)) {
            // Refused before an empty log is created (a missing folder has its own, more precise message).
            throwIfPresent(memory.refusal(p.campaign().name(), false, options.consent().newLog(), database));
        }
        try (DeliveryLog log = DeliveryLog.openOrCreate(database, clock)) {
            if (options.startAt() != null) {
                QueuePlan plan = queue(p, log, memory, options);
                CampaignRecord campaign = schedule(p, log, options);
                return new Result(plan.described(), Map.of(), null, campaign, remember(memory, log, campaign));
            }
            try (SenderLock lock = SenderLock.acquire(log)) {
                lock.onLost(options.stop()::request);
                QueuePlan plan = queue(p, log, memory, options);
                CampaignRecord campaign = schedule(p, log, options);
                remember(memory, log, campaign);
                campaign = resumeIfTheUserIsRetrying(log, campaign, options.consent().acceptChanges());
                Map<Long, State> recovered = log.recoverInterrupted(campaign, lock);
                if (campaign.state() != CampaignState.ACTIVE) {
                    return new Result(plan.described(), recovered, null, campaign, log.counts(campaign));
                }
                progress.started((int) Math.min(options.limit() > 0 ? options.limit() : Integer.MAX_VALUE,
                        log.dueCount(campaign, clock.instant())));
                long id = campaign.id();
                Scheduler scheduler = new Scheduler(log, clock, Sleeper.interruptibleBy(options.stop()), options.stop(),
                        CampaignSources.prepared(p, options.password(), clock), progress, Duration.ofSeconds(30));
                Scheduler.Report report = scheduler.run(Scheduler.Mode.UNTIL_IDLE, c -> c.id() == id, options.limit());
                CampaignRecord after = log.control().find(campaign.name()).orElseThrow();
                return new Result(plan.described(), recovered, report, after, remember(memory, log, after));
            }
        }
    }

    /**
     * Why `send --live` with this consent would stop before sending anything, read without writing: the log
     * cannot be used, it lost a campaign this folder remembers, or the campaign changed (or is another letter).
     * `check` and the dry run say it, so they never call ready a campaign that `send --live` refuses.
     */
    public static Optional<RuntimeException> refusal(PreparedCampaign p, Consent consent, Clock clock) {
        Path database = p.campaign().database();
        Optional<DeliveryLogException> unusable = DeliveryLog.whyUnusable(database);
        if (unusable.isPresent()) {
            return Optional.of(unusable.get());
        }
        String name = p.campaign().name();
        CampaignMemory memory = CampaignMemory.beside(p.campaign().file());
        if (Files.exists(database)) {
            try (DeliveryLog log = DeliveryLog.openExisting(database, clock)) {
                Optional<CampaignRecord> campaign = log.findCampaign(name);
                if (campaign.isPresent()) {
                    return Queuing.refusal(p, campaign.get(), Queuing.plan(p, log, campaign.get()), consent)
                            .map(RuntimeException.class::cast);
                }
            }
        }
        return memory.refusal(name, false, consent.newLog(), database).map(RuntimeException.class::cast);
    }

    /**
     * Queues the campaign, unless the campaign folder remembers queuing it in a log that this one is not: a log
     * that does not hold a campaign it once held lost its data, and queuing it anew would mail everyone again.
     */
    private static QueuePlan queue(PreparedCampaign p, DeliveryLog log, CampaignMemory memory, Options options) {
        String name = p.campaign().name();
        throwIfPresent(memory.refusal(name, log.findCampaign(name).isPresent(), options.consent().newLog(), log.path()));
        return Queuing.queue(p, log, options.consent());
    }

    private static void throwIfPresent(Optional<DeliveryLogException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Records where the campaign is queued and how far it got; returns its totals. */
    private static Map<State, Integer> remember(CampaignMemory memory, DeliveryLog log, CampaignRecord campaign) {
        Map<State, Integer> totals = log.counts(campaign);
        int recipients = totals.values().stream().mapToInt(Integer::intValue).sum();
        memory.remember(campaign.name(), new CampaignMemory.Entry(log.id(), log.path(), campaign.createdAt(),
                recipients, totals.getOrDefault(State.ACCEPTED, 0)));
        return totals;
    }

    /** Where the sandbox keeps the letters it receives: beside the delivery log. */
    public static Path sandboxMail(Path database) {
        return database.toAbsolutePath().getParent().resolve("sandbox-mail");
    }

    private static CampaignRecord schedule(PreparedCampaign p, DeliveryLog log, Options options) {
        CampaignRecord campaign = log.findCampaign(p.campaign().name()).orElseThrow();
        var pacing = p.campaign().smtp().pacing();
        String account = p.campaign().smtp().account();
        log.control().schedule(campaign, options.startAt(), account, options.overrides());
        log.budgets().configure(account, pacing.limits().rate().toString(), pacing.limits().dailyCap());
        return log.findCampaign(p.campaign().name()).orElseThrow();
    }

    /**
     * Running `send --live` again is the organizer retrying: it lifts a pause caused by the server (they may
     * have fixed the password, or waited out the quota), and a CHANGED pause once they accepted the changes.
     * A manual pause, a tripped error budget or a missed start wait for `resume`; a cancel is final.
     */
    private static CampaignRecord resumeIfTheUserIsRetrying(DeliveryLog log, CampaignRecord campaign,
                                                            boolean acceptedChanges) {
        if (campaign.state() != CampaignState.PAUSED) {
            return campaign;
        }
        PauseKind kind = campaign.pauseKind();
        if (kind.isAboutTheServer() || (kind == PauseKind.CHANGED && acceptedChanges)) {
            log.control().resume(campaign, "send --live run again");
            return log.findCampaign(campaign.name()).orElseThrow();
        }
        return campaign;
    }
}

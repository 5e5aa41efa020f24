package org.lettermerge.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.AccountBudgets;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The scheduler: repeatedly finds the next letter that may go out now — its campaign active and started, the
 * row due (queued, or a deferred letter whose retry time has come), the recipient's send window open, the
 * account's budget allowing it — and sends it; otherwise waits for the earliest moment something becomes
 * possible. Pauses a campaign on push-back, after too many failures in a row, or when its start was missed.
 * Only runs while its process holds the {@link org.lettermerge.store.SenderLock}.
 */
public final class Scheduler {

    /** How long it keeps going: until nothing is due now (send --live), one pass (run --once), or until stopped (run). */
    public enum Mode { UNTIL_IDLE, ONCE, FOREVER }

    private final DeliveryLog log;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StopSignal stop;
    private final CampaignSource campaigns;
    private final Progress progress;
    private final LetterSender sender;
    private final Duration idlePoll;
    private final Map<State, Integer> outcomes = new EnumMap<>(State.class);
    /** Loaded campaigns, filled under this scheduler's lock and read by workers outside it: a concurrent map. */
    private final Map<Long, LiveCampaign> live = new ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String serverDescription;
    private String unreachable;
    private List<CampaignRecord> campaignList = List.of();
    private Instant campaignsReadAt;
    /** Campaigns found with nothing to send, until the campaign list is next read (at most a second). */
    private final Set<Long> idle = new HashSet<>();

    public Scheduler(DeliveryLog log, Clock clock, Sleeper sleeper, StopSignal stop, CampaignSource campaigns,
                     Progress progress, Duration idlePoll) {
        this.log = log;
        this.clock = clock;
        this.sleeper = sleeper;
        this.stop = stop;
        this.campaigns = campaigns;
        this.progress = progress;
        this.sender = new LetterSender(log, clock);
        this.idlePoll = idlePoll;
    }

    /**
     * What a run did, and what is left: why it stopped and when the next letter can go. {@code unreachable} says in
     * a few words why the server could not be reached the last time it could not (null if it always could).
     */
    public record Report(Map<State, Integer> outcomes, Duration elapsed, List<String> notes, Instant nextAction,
                         String server, String unreachable) {
        public int count(State state) {
            return outcomes.getOrDefault(state, 0);
        }
    }

    /**
     * Sends what it can for the campaigns {@code inScope} accepts, on as many connections in parallel as the
     * campaigns allow ({@code smtp.connections}), all spending one budget per account.
     */
    public Report run(Mode mode, Predicate<CampaignRecord> inScope, int limit) throws InterruptedException {
        Instant start = clock.instant();
        Instant now = clock.instant();
        int workers = log.control().all().stream().filter(inScope).filter(c -> hasWork(c, now))
                .mapToInt(this::connectionsOf).max().orElse(1);
        Run run = new Run(mode, inScope, limit);
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers - 1, daemon()) : null;
        try {
            List<Future<?>> others = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
                int worker = w;
                others.add(pool.submit(() -> {
                    work(run, worker);
                    return null;
                }));
            }
            try {
                work(run, 0);
            } finally {
                run.halted = run.halted || !others.isEmpty();
                awaitAll(others);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            live.values().forEach(LiveCampaign::close);
            live.clear();
        }
        return new Report(Map.copyOf(outcomes), Duration.between(start, clock.instant()), List.copyOf(notes),
                run.next, serverDescription, unreachable);
    }

    /** One run's shared state between its workers. */
    private static final class Run {
        final Mode mode;
        final Predicate<CampaignRecord> inScope;
        final int limit;
        int taken;
        Instant next;
        volatile boolean halted;

        Run(Mode mode, Predicate<CampaignRecord> inScope, int limit) {
            this.mode = mode;
            this.inScope = inScope;
            this.limit = limit;
        }
    }

    /**
     * A worker: take the next letter (one worker at a time), send it on this worker's connection, repeat. A letter's
     * outcome is written together with the worker's next claim, in one commit instead of two; before anything else
     * (a connect, a wait, the end of the run) it is written alone.
     */
    private void work(Run run, int worker) throws InterruptedException {
        DeliveryLog.Outcome unwritten = null;
        try {
            while (!stop.isRequested() && !run.halted) {
                Step step;
                LiveCampaign unconnected = null;
                boolean claimed = false;
                synchronized (this) {
                    if (run.limit > 0 && run.taken >= run.limit) {
                        return;
                    }
                    step = next(run.inScope);
                    LiveCampaign loaded = step.letter == null ? null : live.get(step.campaign.id());
                    if (loaded != null && !loaded.isConnected(worker)) {
                        unconnected = loaded;
                        unconnected.due.putBack(step.letter);
                    } else if (loaded != null) {
                        // A paced account's slot is computed from the last claim, so its claims stay in this lock;
                        // an unpaced one's are made outside it, where they share commits with other connections.
                        if (loaded.paced()) {
                            boolean ok = claim(step, loaded, unwritten);
                            unwritten = null;
                            if (!ok) {
                                continue;
                            }
                        }
                        claimed = loaded.paced();
                        run.taken++;
                        loaded.started = true;
                    } else {
                        run.next = step.wakeAt;
                    }
                }
                if (unconnected != null) {
                    unwritten = write(unwritten);
                    // Connect before claiming: a server that cannot be reached leaves every letter untouched.
                    connect(step.campaign, unconnected, worker);
                    continue;
                }
                if (step.letter != null) {
                    LiveCampaign loaded = live.get(step.campaign.id());
                    boolean ok = claimed || claim(step, loaded, unwritten);
                    unwritten = null;
                    if (ok) {
                        unwritten = deliver(step.campaign, step.letter, worker);
                    } else {
                        synchronized (this) {
                            run.taken--;
                        }
                    }
                    continue;
                }
                unwritten = write(unwritten);
                boolean onlyPacing = step.wakeAt != null && step.pacing;
                if (run.mode != Mode.FOREVER && !onlyPacing) {
                    return;
                }
                Duration wait = step.wakeAt == null ? idlePoll : Duration.between(clock.instant(), step.wakeAt);
                sleeper.sleep(wait.compareTo(idlePoll) > 0 ? idlePoll : wait.isNegative() ? Duration.ZERO : wait);
            }
        } catch (RuntimeException | InterruptedException e) {
            run.halted = true;
            try {
                unwritten = write(unwritten);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
                unwritten = null;
            }
            throw e;
        } finally {
            write(unwritten);
        }
    }

    /** Writes an outcome not yet in the log, if any; returns null, what is left unwritten. */
    private DeliveryLog.Outcome write(DeliveryLog.Outcome outcome) {
        if (outcome != null) {
            log.recordOutcome(outcome);
        }
        return null;
    }

    /**
     * Claims the step's letter, writing {@code settleFirst} (this worker's previous outcome) in the same commit;
     * on failure forgets what this scheduler believed about its campaign.
     */
    private boolean claim(Step step, LiveCampaign loaded, DeliveryLog.Outcome settleFirst) {
        if (sender.claim(step.campaign, loaded, step.letter, settleFirst)) {
            return true;
        }
        synchronized (this) {
            loaded.due.forget();
            campaignsReadAt = null;
        }
        return false;
    }

    /**
     * Whether a campaign has letters to send now or later. One that has none (finished, or only waiting for
     * decisions) is not read from its files at all: reading and checking it cost a whole preflight, and a
     * finished campaign whose files were edited since must not be paused as changed.
     */
    private boolean hasWork(CampaignRecord campaign, Instant now) {
        if (idle.contains(campaign.id())) {
            return false;
        }
        boolean work = lettersLeft(campaign, now);
        if (!work) {
            idle.add(campaign.id());
        }
        return work;
    }

    private int connectionsOf(CampaignRecord campaign) {
        LiveCampaign loaded = load(campaign);
        return loaded == null ? 1 : loaded.connections();
    }

    private static void awaitAll(List<Future<?>> workers) throws InterruptedException {
        RuntimeException failure = null;
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "lettermerge-connection");
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The campaigns, read again at most once a second (and at once after a pause or a failed claim): reading them
     * for every letter cost as much as the letter. A pause by another process is still honoured at once, because
     * every claim checks the campaign's state in the database.
     */
    private List<CampaignRecord> campaigns(Instant now) {
        if (campaignsReadAt == null || !now.isBefore(campaignsReadAt.plusSeconds(1)) || now.isBefore(campaignsReadAt)) {
            campaignList = log.control().all();
            idle.clear();
            campaignsReadAt = now;
        }
        return campaignList;
    }

    /** Either a letter to send now, or the earliest instant worth waking up for (null: nothing pending at all). */
    private record Step(CampaignRecord campaign, StoredRecipient letter, Instant wakeAt, boolean pacing) {}

    private Step next(Predicate<CampaignRecord> inScope) {
        Instant now = clock.instant();
        Instant wake = null;
        boolean pacing = false;
        for (CampaignRecord campaign : campaigns(now)) {
            if (!inScope.test(campaign) || campaign.state() == CampaignState.CANCELLED) {
                continue;
            }
            if (campaign.state() == CampaignState.PAUSED) {
                if (campaign.pauseKind().resumesByItself() && campaign.resumeAt() != null) {
                    if (!campaign.resumeAt().isAfter(now)) {
                        log.control().resume(campaign, "the pause after the server's push-back is over");
                        campaignsReadAt = null;
                        note(campaign, "resumed after the server's push-back");
                        return new Step(null, null, now, true);
                    }
                    wake = earliest(wake, campaign.resumeAt());
                }
                continue;
            }
            if (campaign.scheduledAt() != null && campaign.scheduledAt().isAfter(now)) {
                wake = earliest(wake, campaign.scheduledAt());
                continue;
            }
            if (!live.containsKey(campaign.id()) && !hasWork(campaign, now)) {
                continue;
            }
            LiveCampaign loaded = load(campaign);
            if (loaded == null) {
                continue;
            }
            if (missed(campaign, loaded, now)) {
                continue;
            }
            Candidate candidate = candidate(campaign, loaded, now);
            if (candidate.row != null) {
                AccountSlot slot = slot(loaded, now);
                if (!slot.at().isAfter(now)) {
                    return new Step(campaign, candidate.row, null, false);
                }
                loaded.due.putBack(candidate.row);
                if (wake == null || slot.at().isBefore(wake)) {
                    wake = slot.at();
                    // The rate's spacing is a wait within the run; the daily cap's can be a day: a run that
                    // sends what it can now (send --live, run --once) ends instead of sleeping through it.
                    pacing = !slot.capped();
                }
            } else if (candidate.wakeAt != null && (wake == null || candidate.wakeAt.isBefore(wake))) {
                wake = candidate.wakeAt;
                pacing = false;
            }
        }
        return new Step(null, null, wake, pacing);
    }

    private record Candidate(StoredRecipient row, Instant wakeAt) {}

    /** The first due row whose recipient's send window is open, or when the next one opens or retries. */
    private Candidate candidate(CampaignRecord campaign, LiveCampaign loaded, Instant now) {
        Instant[] wake = new Instant[1];
        StoredRecipient row = loaded.due.next(log, campaign, loaded.prepared.campaign().schedule(), now, wake);
        if (row != null) {
            return new Candidate(row, null);
        }
        Optional<Instant> retry = log.nextRetry(campaign);
        return new Candidate(null, retry.isPresent() && retry.get().isAfter(now) ? earliest(wake[0], retry.get())
                : wake[0]);
    }

    private AccountSlot slot(LiveCampaign loaded, Instant now) {
        if (!loaded.paced()) {
            return new AccountSlot(now, false);
        }
        AccountLimits limits = loaded.prepared.campaign().smtp().pacing().limits();
        AccountBudgets budgets = log.budgets();
        AccountBudgets.Usage usage = budgets.usage(loaded.account(), now).orElse(null);
        if (usage == null) {
            budgets.configure(loaded.account(), limits.rate().toString(), limits.dailyCap());
            return new AccountSlot(now, false);
        }
        return AccountSlot.of(limits, usage, now);
    }

    /**
     * A scheduled start missed by more than the grace period while nothing was running is not sent late
     * by itself: a letter meant for Monday 9:00 should not arrive on Tuesday night unannounced.
     */
    private boolean missed(CampaignRecord campaign, LiveCampaign loaded, Instant now) {
        Instant at = campaign.scheduledAt();
        Duration grace = loaded.prepared.campaign().schedule().missedGrace();
        if (at == null || !now.isAfter(at.plus(grace))) {
            return false;
        }
        if (loaded.started || log.recipients(campaign).stream().anyMatch(r -> r.attempts() > 0)) {
            loaded.started = true;
            return false;
        }
        pause(campaign, PauseKind.MISSED, "its start (" + at + ") passed more than " + grace.toMinutes()
                + " minutes ago while nothing was running; run `lettermerge resume` to send it now", null);
        return true;
    }

    private LiveCampaign load(CampaignRecord campaign) {
        LiveCampaign loaded = live.get(campaign.id());
        if (loaded != null) {
            return loaded;
        }
        CampaignSource.Loaded result = campaigns.load(campaign);
        if (result.problem() != null) {
            pause(campaign, PauseKind.CHANGED, result.problem(), null);
            return null;
        }
        loaded = result.campaign();
        live.put(campaign.id(), loaded);
        return loaded;
    }

    private void connect(CampaignRecord campaign, LiveCampaign loaded, int worker) {
        try {
            loaded.client(worker);
        } catch (ServerUnavailableException e) {
            pauseUnreachable(campaign, e);
        }
    }

    /**
     * Sends a claimed letter. Returns its outcome when nothing else needs writing, for the worker to write with its
     * next claim; otherwise writes it first, so the log keeps the order things happened in, and returns null.
     */
    private DeliveryLog.Outcome deliver(CampaignRecord campaign, StoredRecipient row, int worker) {
        LiveCampaign loaded = live.get(campaign.id());
        LetterSender.Sent sent;
        try {
            sent = sender.transmit(campaign, loaded, row, worker);
        } catch (ServerUnavailableException e) {
            pauseUnreachable(campaign, e);
            return null;
        }
        synchronized (this) {
            serverDescription = loaded.serverDescription();
            outcomes.merge(sent.state(), 1, Integer::sum);
            progress.settled(row, sent.state(), sent.reply(),
                    outcomes.values().stream().mapToInt(Integer::intValue).sum());
        }
        if (sent.refused() != null) {
            log.recordOutcome(sent.outcome());
            PushBack push = PushBack.of(sent.refused(), clock.instant());
            if (push.tightenPace()) {
                log.budgets().tighten(loaded.account(), campaign.id(), sent.refused().reply());
            }
            pause(campaign, push.kind(), push.reason(), push.resumeAt());
            loaded.disconnect(worker);
            return null;
        }
        return countFailures(campaign, loaded, sent.outcome());
    }

    /**
     * The error budget: after N permanent failures in a row, something is wrong with the list or the letter.
     * Returns the outcome if it is still to be written (see {@link #deliver}).
     */
    private DeliveryLog.Outcome countFailures(CampaignRecord campaign, LiveCampaign loaded, DeliveryLog.Outcome outcome) {
        State state = outcome.to();
        if (state != State.FAILED && state != State.ACCEPTED) {
            return outcome;
        }
        int before = loaded.consecutiveFailures();
        int failures = loaded.countFailure(state == State.FAILED);
        if (failures == before) {
            return outcome;
        }
        log.recordOutcome(outcome);
        log.control().setConsecutiveFailures(campaign, failures);
        int budget = loaded.prepared.campaign().schedule().errorBudget();
        // With nothing left to send there is nothing to stop: the campaign finishes, its failures on show.
        if (state == State.FAILED && budget > 0 && failures >= budget && lettersLeft(campaign, clock.instant())) {
            pause(campaign, PauseKind.ERROR_BUDGET, failures + " letters in a row failed permanently: check the "
                    + "addresses and the server's replies (status --state failed), then run `lettermerge resume`", null);
        }
        return null;
    }

    /** Letters it can send now, or deferred ones it will retry. */
    private boolean lettersLeft(CampaignRecord campaign, Instant now) {
        return log.dueCount(campaign, now) > 0 || log.nextRetry(campaign).isPresent();
    }

    private void pauseUnreachable(CampaignRecord campaign, ServerUnavailableException e) {
        PushBack push = PushBack.of(e, clock.instant());
        synchronized (this) {
            unreachable = e.summary();
        }
        pause(campaign, push.kind(), push.reason(), push.resumeAt());
    }

    /** How the note of a campaign's pause begins, for a summary that says the same in its own words. */
    public static String pauseNotePrefix(String campaignName) {
        return campaignName + ": paused (";
    }

    private synchronized void pause(CampaignRecord campaign, PauseKind kind, String reason, Instant resumeAt) {
        campaignsReadAt = null;
        if (log.control().pause(campaign, kind, reason, resumeAt)) {
            notes.add(pauseNotePrefix(campaign.name()) + kind.name().toLowerCase() + "): " + reason
                    + (resumeAt == null ? "" : "; it resumes by itself at " + resumeAt));
        }
    }

    private synchronized void note(CampaignRecord campaign, String text) {
        notes.add(campaign.name() + ": " + text);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}

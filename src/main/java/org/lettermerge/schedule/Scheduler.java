package org.lettermerge.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;

/**
 * The scheduler: sends the letters of the campaigns in scope, each when {@link NextStep} says it may go — its
 * campaign active and started, the row due, the recipient's send window open, the account's budget allowing it —
 * on as many connections in parallel as the campaigns allow ({@code smtp.connections}), all spending one budget per
 * account; otherwise waits for the earliest moment something becomes possible. Only runs while its process holds
 * the {@link org.lettermerge.store.SenderLock}.
 *
 * <p>Concurrency lives here and in {@link Dispatcher}: each worker owns one connection per campaign and asks the
 * dispatcher, under its lock, for its next task; it sends outside the lock. Lock order, never the other way round:
 * the dispatcher, then a {@link LiveCampaign} (its connections), then the log's connection.
 */
public final class Scheduler {

    /** How long it keeps going: until nothing is due now (send --live), one pass (run --once), or until stopped (run). */
    public enum Mode { UNTIL_IDLE, ONCE, FOREVER }

    private final LetterLog log;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StopSignal stop;
    private final CampaignSource campaigns;
    private final Progress progress;
    private final LetterSender sender;
    private final Duration idlePoll;

    public Scheduler(DeliveryLog log, Clock clock, Sleeper sleeper, StopSignal stop, CampaignSource campaigns,
                     Progress progress, Duration idlePoll) {
        this.log = LetterLog.of(log);
        this.clock = clock;
        this.sleeper = sleeper;
        this.stop = stop;
        this.campaigns = campaigns;
        this.progress = progress;
        this.sender = new LetterSender(this.log, clock);
        this.idlePoll = idlePoll;
    }

    /**
     * What a run did, and what is left: why it stopped and when the next letter can go. {@code unreachable} says in
     * a few words why the server could not be reached the last time it could not (null if it always could).
     */
    public record Report(Map<State, Integer> outcomes, Duration elapsed, List<Note> notes, Instant nextAction,
                         String server, String unreachable) {
        public int count(State state) {
            return outcomes.getOrDefault(state, 0);
        }
    }

    /** Something the run did to a campaign that its summary should say: paused it ({@code pause}) or resumed it. */
    public record Note(String campaign, boolean pause, String what) {
        @Override
        public String toString() {
            return campaign + ": " + what;
        }
    }

    /** Sends what it can for the campaigns {@code inScope} accepts, at most {@code limit} letters (0: no limit). */
    public Report run(Mode mode, Predicate<CampaignRecord> inScope, int limit) throws InterruptedException {
        Instant start = clock.instant();
        Dispatcher dispatcher = new Dispatcher(log, clock, campaigns, progress, inScope, limit);
        AtomicBoolean halted = new AtomicBoolean();
        ExecutorService pool = null;
        try {
            int workers = dispatcher.connections();
            List<Future<?>> others = new ArrayList<>();
            if (workers > 1) {
                pool = Executors.newFixedThreadPool(workers - 1, r -> {
                    Thread t = new Thread(r, "lettermerge-connection");
                    t.setDaemon(true);
                    return t;
                });
                for (int w = 1; w < workers; w++) {
                    int worker = w;
                    others.add(pool.submit(() -> {
                        work(dispatcher, mode, worker, halted);
                        return null;
                    }));
                }
            }
            try {
                work(dispatcher, mode, 0, halted);
            } finally {
                // When the first worker is done (nothing more now, the limit, a stop), the others finish their letter.
                halted.set(true);
                awaitAll(others);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            dispatcher.close();
        }
        return dispatcher.report(Duration.between(start, clock.instant()));
    }

    /** A worker: carries out its next task, repeatedly; outcomes it wrote go to disk before it waits or ends. */
    private void work(Dispatcher dispatcher, Mode mode, int worker, AtomicBoolean halted) throws InterruptedException {
        boolean unsynced = false;
        try {
            while (!stop.isRequested() && !halted.get()) {
                Dispatcher.Task task = dispatcher.next(worker);
                if (task instanceof Dispatcher.Task.Connect connect) {
                    try {
                        connect.live().client(worker);
                    } catch (ServerUnavailableException e) {
                        dispatcher.unreachable(connect.campaign(), e);
                    }
                    continue;
                }
                if (task instanceof Dispatcher.Task.Deliver letter) {
                    deliver(dispatcher, letter, worker);
                    unsynced = true;
                    continue;
                }
                if (unsynced) {
                    log.sync();
                    unsynced = false;
                }
                if (!(task instanceof Dispatcher.Task.Idle idle) || !(mode == Mode.FOREVER || idle.pacing())) {
                    return;
                }
                sleeper.sleep(waitFor(idle.until()));
            }
        } catch (RuntimeException | InterruptedException e) {
            halted.set(true);
            throw e;
        } finally {
            if (unsynced) {
                log.sync();
            }
        }
    }

    private Duration waitFor(Instant until) {
        Duration wait = until == null ? idlePoll : Duration.between(clock.instant(), until);
        return wait.compareTo(idlePoll) > 0 ? idlePoll : wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Sends a claimed letter, then carries out what its outcome means for the campaign. */
    private void deliver(Dispatcher dispatcher, Dispatcher.Task.Deliver letter, int worker) {
        CampaignRecord campaign = letter.campaign();
        LiveCampaign live = letter.live();
        if (!letter.claimed() && !log.claim(letter.letter(), campaign.id(), null, letter.version())) {
            dispatcher.notClaimed(campaign, live);
            return;
        }
        LetterSender.Sent sent;
        try {
            sent = sender.transmit(campaign, live, letter.letter(), worker);
        } catch (ServerUnavailableException e) {
            dispatcher.unreachable(campaign, e);
            return;
        }
        dispatcher.settled(campaign, letter.letter(), live, sent);
        int failures = live.consecutiveFailures();
        if (sent.state() == State.FAILED || sent.state() == State.ACCEPTED) {
            int before = failures;
            failures = live.countFailure(sent.state() == State.FAILED);
            if (failures != before) {
                log.setConsecutiveFailures(campaign, failures);
            }
        }
        Optional<Decision.Pause> pause = NextStep.afterLetter(campaign, sent.state(), sent.refused(), failures,
                live.prepared.campaign().schedule().errorBudget(), () -> log.lettersLeft(campaign, clock.instant()),
                clock.instant());
        if (pause.isPresent()) {
            if (pause.get().tightenPace()) {
                log.tighten(live.account(), campaign.id(), sent.refused().reply());
            }
            dispatcher.pause(pause.get());
            if (sent.refused() != null) {
                live.disconnect(worker);
            }
        }
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
}

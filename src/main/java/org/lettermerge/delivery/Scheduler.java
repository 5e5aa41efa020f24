package org.lettermerge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.schedule.Pace;
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
    private final Map<Long, LiveCampaign> live = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String serverDescription;

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

    /** What a run did, and what is left: why it stopped and when the next letter can go. */
    public record Report(Map<State, Integer> outcomes, Duration elapsed, List<String> notes, Instant nextAction,
                         String server) {
        public int count(State state) {
            return outcomes.getOrDefault(state, 0);
        }
    }

    /** Sends what it can for the campaigns {@code inScope} accepts. */
    public Report run(Mode mode, Predicate<CampaignRecord> inScope, int limit) throws InterruptedException {
        Instant start = clock.instant();
        int sent = 0;
        Instant next = null;
        try {
            while (!stop.isRequested() && (limit <= 0 || sent < limit)) {
                Step step = next(inScope, mode);
                if (step.letter != null) {
                    if (deliver(step.campaign, step.letter)) {
                        sent++;
                    }
                    continue;
                }
                next = step.wakeAt;
                boolean onlyPacing = step.wakeAt != null && step.pacing;
                if (mode == Mode.FOREVER || onlyPacing) {
                    Instant now = clock.instant();
                    Duration wait = step.wakeAt == null ? idlePoll : Duration.between(now, step.wakeAt);
                    sleeper.sleep(wait.compareTo(idlePoll) > 0 ? idlePoll : wait.isNegative() ? Duration.ZERO : wait);
                    continue;
                }
                break;
            }
        } finally {
            live.values().forEach(LiveCampaign::close);
            live.clear();
        }
        return new Report(Map.copyOf(outcomes), Duration.between(start, clock.instant()), List.copyOf(notes), next,
                serverDescription);
    }

    /** Either a letter to send now, or the earliest instant worth waking up for (null: nothing pending at all). */
    private record Step(CampaignRecord campaign, StoredRecipient letter, Instant wakeAt, boolean pacing) {}

    private Step next(Predicate<CampaignRecord> inScope, Mode mode) {
        Instant now = clock.instant();
        Instant wake = null;
        boolean pacing = false;
        for (CampaignRecord campaign : log.control().all()) {
            if (!inScope.test(campaign) || campaign.state() == CampaignState.CANCELLED) {
                continue;
            }
            if (campaign.state() == CampaignState.PAUSED) {
                if (campaign.pauseKind().resumesByItself() && campaign.resumeAt() != null) {
                    if (!campaign.resumeAt().isAfter(now)) {
                        log.control().resume(campaign, "the pause after the server's push-back is over");
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
            LiveCampaign loaded = load(campaign);
            if (loaded == null) {
                continue;
            }
            if (missed(campaign, loaded, now)) {
                continue;
            }
            Candidate candidate = candidate(campaign, loaded, now);
            if (candidate.row != null) {
                Instant slot = slot(loaded, now);
                if (!slot.isAfter(now)) {
                    return new Step(campaign, candidate.row, null, false);
                }
                loaded.due.putBack(candidate.row);
                if (wake == null || slot.isBefore(wake)) {
                    wake = slot;
                    pacing = true;
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

    /** When the account's budget lets the next message start (now, or later). */
    private Instant slot(LiveCampaign loaded, Instant now) {
        if (!loaded.paced()) {
            return now;
        }
        AccountLimits limits = loaded.prepared.campaign().smtp().pacing().limits();
        AccountBudgets budgets = log.budgets();
        AccountBudgets.Usage usage = budgets.usage(loaded.account(), now).orElse(null);
        if (usage == null) {
            budgets.configure(loaded.account(), limits.rate().toString(), limits.dailyCap());
            return now;
        }
        for (int i = 0; i < usage.tightened(); i++) {
            limits = limits.tightened();
        }
        return Pace.nextSlot(limits, now, usage.lastSlot(), usage.lastDay());
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
        boolean started = log.recipients(campaign).stream().anyMatch(r -> r.attempts() > 0);
        if (started) {
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

    private boolean deliver(CampaignRecord campaign, StoredRecipient row) {
        LiveCampaign loaded = live.get(campaign.id());
        LetterSender.Sent sent;
        try {
            sent = sender.send(campaign, loaded, row);
        } catch (ServerUnavailableException e) {
            PushBack push = PushBack.of(e, clock.instant());
            pause(campaign, push.kind(), push.reason(), push.resumeAt());
            loaded.disconnect();
            return false;
        }
        if (sent == null) {
            loaded.due.forget();
            return false;
        }
        serverDescription = loaded.serverDescription();
        outcomes.merge(sent.state(), 1, Integer::sum);
        progress.settled(row, sent.state(), sent.reply(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
        if (sent.refused() != null) {
            PushBack push = PushBack.of(sent.refused(), clock.instant());
            if (push.tightenPace()) {
                log.budgets().tighten(loaded.account(), campaign.id(), sent.refused().reply());
            }
            pause(campaign, push.kind(), push.reason(), push.resumeAt());
            loaded.disconnect();
        } else {
            countFailures(campaign, loaded, sent.state());
        }
        return true;
    }

    /** The error budget: after N permanent failures in a row, something is wrong with the list or the letter. */
    private void countFailures(CampaignRecord campaign, LiveCampaign loaded, State state) {
        CampaignRecord current = log.control().find(campaign.name()).orElse(campaign);
        int budget = loaded.prepared.campaign().schedule().errorBudget();
        if (state == State.FAILED) {
            int failures = current.consecutiveFailures() + 1;
            log.control().setConsecutiveFailures(current, failures);
            if (budget > 0 && failures >= budget) {
                pause(current, PauseKind.ERROR_BUDGET, failures + " letters in a row failed permanently: check the "
                        + "addresses and the server's replies (status --state failed), then run `lettermerge resume`", null);
            }
        } else if (state == State.ACCEPTED && current.consecutiveFailures() > 0) {
            log.control().setConsecutiveFailures(current, 0);
        }
    }

    private void pause(CampaignRecord campaign, PauseKind kind, String reason, Instant resumeAt) {
        if (log.control().pause(campaign, kind, reason, resumeAt)) {
            note(campaign, "paused (" + kind.name().toLowerCase() + "): " + reason
                    + (resumeAt == null ? "" : "; it resumes by itself at " + resumeAt));
        }
    }

    private void note(CampaignRecord campaign, String text) {
        notes.add(campaign.name() + ": " + text);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}

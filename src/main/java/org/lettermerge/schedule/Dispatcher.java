package org.lettermerge.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.lettermerge.problems.Problem;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.AccountBudgets;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * A run's shared state, and the one lock over it. Workers ask it for their next task: it gathers the facts
 * {@link NextStep} asks for, carries out the pauses and resumptions it decides, and takes a letter out of line
 * before handing it out, so no two workers are ever given the same one; a paced account's letter is claimed here,
 * so that its next slot is computed from its last claim. Everything here is touched only under this object's monitor: its maps need no concurrent type.
 */
final class Dispatcher {

    /** What a worker does next, outside the lock. */
    sealed interface Task {
        /** Open the worker's connection first: a server that cannot be reached leaves every letter untouched. */
        record Connect(CampaignRecord campaign, LiveCampaign live) implements Task {}

        /** Send this letter of {@code version}: claimed for the worker already, or for it to claim first. */
        record Deliver(CampaignRecord campaign, LiveCampaign live, StoredRecipient letter, int version,
                       boolean claimed) implements Task {}

        /** Nothing now: see {@link Decision.Wait}. */
        record Idle(Instant until, boolean pacing) implements Task {}

        /** The run's limit is reached. */
        record Done() implements Task {}
    }

    private final LetterLog log;
    private final Clock clock;
    private final CampaignSource source;
    private final Progress progress;
    private final Predicate<CampaignRecord> inScope;
    private final int limit;
    private final Map<Long, LiveCampaign> loaded = new HashMap<>();
    /** The version of the campaign each was loaded for; and campaigns replaced by a newer version. */
    private final Map<Long, Integer> loadedVersion = new HashMap<>();
    private final List<LiveCampaign> retired = new ArrayList<>();
    /** Campaigns found with nothing to send, until the campaign list is next read (at most a second). */
    private final Set<Long> idle = new HashSet<>();
    private final Map<State, Integer> outcomes = new EnumMap<>(State.class);
    /** Campaigns sending in this run, with their letters in flight; removed when they are announced finished. */
    private final Map<Long, Integer> sending = new HashMap<>();
    private final List<Scheduler.Note> notes = new ArrayList<>();
    private List<CampaignRecord> campaignList = List.of();
    private Instant campaignsReadAt;
    private int taken;
    private Instant nextAction;
    private String server;
    private String unreachable;

    Dispatcher(LetterLog log, Clock clock, CampaignSource source, Progress progress, Predicate<CampaignRecord> inScope,
               int limit) {
        this.log = log;
        this.clock = clock;
        this.source = source;
        this.progress = progress;
        this.inScope = inScope;
        this.limit = limit;
    }

    /** As many connections as the campaigns with letters to send allow. */
    synchronized int connections() {
        Instant now = clock.instant();
        return campaigns(now).stream().filter(c -> hasWork(c, now)).map(c -> load(c).campaign())
                .filter(Objects::nonNull)
                .mapToInt(LiveCampaign::connections).max().orElse(1);
    }

    synchronized Task next(int worker) {
        while (true) {
            if (limit > 0 && taken >= limit) {
                return new Task.Done();
            }
            Instant now = clock.instant();
            Decision decision = NextStep.next(campaigns(now), c -> new Facts(c, now), now);
            if (decision instanceof Decision.Send send) {
                LiveCampaign live = loaded.get(send.campaign().id());
                if (!live.isConnected(worker)) {
                    return new Task.Connect(send.campaign(), live);
                }
                live.due.take(send.letter());
                int version = loadedVersion.get(send.campaign().id());
                // A paced account's next slot is computed from its last claim: claimed here, under the lock. An
                // unpaced letter is claimed by its worker, outside it, where claims of several connections share a
                // commit (measured: the lock held for every claim cost 5-10% at 10,000 letters on 4 connections).
                boolean claimed = live.paced();
                if (claimed && !log.claim(send.letter(), send.campaign().id(), live.account(), version)) {
                    claimFailed(live);
                    continue;
                }
                taken++;
                live.started = true;
                if (!sending.containsKey(send.campaign().id())) {
                    // A claimed letter is no longer due; an unpaced one is, until its worker claims it.
                    int due = log.dueCount(send.campaign(), now) + (claimed ? 1 : 0);
                    progress.campaign(send.campaign().name(), "sending (" + due + " letters due now)");
                }
                sending.merge(send.campaign().id(), 1, Integer::sum);
                return new Task.Deliver(send.campaign(), live, send.letter(), version, claimed);
            } else if (decision instanceof Decision.Pause pause) {
                pause(pause);
            } else if (decision instanceof Decision.Resume resume) {
                log.resume(resume.campaign(), resume.why());
                campaignsReadAt = null;
                note(new Scheduler.Note(resume.campaign().name(), false, "resumed after the server's push-back"));
            } else {
                Decision.Wait wait = (Decision.Wait) decision;
                nextAction = wait.until();
                return new Task.Idle(wait.until(), wait.pacing());
            }
        }
    }

    /** The letter was no longer sendable (another sender, a pause, a new version): the log knows better. */
    private void claimFailed(LiveCampaign live) {
        live.due.forget();
        campaignsReadAt = null;
    }

    /** A worker's own claim failed: as {@link #claimFailed}, and the letter is not counted. */
    synchronized void notClaimed(CampaignRecord campaign, LiveCampaign live) {
        claimFailed(live);
        taken--;
        sending.computeIfPresent(campaign.id(), (id, inFlight) -> inFlight - 1);
    }

    synchronized void pause(Decision.Pause pause) {
        campaignsReadAt = null;
        CampaignRecord campaign = pause.campaign();
        sending.remove(campaign.id());
        if (log.pause(campaign, pause.kind(), pause.reason(), pause.resumeAt())) {
            note(new Scheduler.Note(campaign.name(), true, "paused (" + pause.kind().name().toLowerCase() + "): "
                    + pause.reason() + (pause.resumeAt() == null ? "" : "; it resumes by itself at " + Problem.moment(pause.resumeAt()))));
        }
    }

    synchronized void unreachable(CampaignRecord campaign, ServerUnavailableException e) {
        unreachable = e.summary();
        pause(NextStep.unreachable(campaign, e, clock.instant()));
    }

    private void note(Scheduler.Note note) {
        notes.add(note);
        progress.campaign(note.campaign(), note.what());
    }

    /** A campaign that sent in this run and has nothing left, once its last letter is settled, is finished. */
    private void finished(CampaignRecord campaign) {
        Integer inFlight = sending.get(campaign.id());
        if (inFlight != null && inFlight == 0) {
            sending.remove(campaign.id());
            progress.campaign(campaign.name(), "finished: nothing left to send");
        }
    }

    /** Counts a letter's outcome and tells the progress line. */
    synchronized void settled(CampaignRecord campaign, StoredRecipient row, LiveCampaign live, LetterSender.Sent sent) {
        sending.computeIfPresent(campaign.id(), (id, inFlight) -> inFlight - 1);
        server = live.serverDescription();
        outcomes.merge(sent.state(), 1, Integer::sum);
        progress.settled(row, sent.state(), sent.reply(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    synchronized Scheduler.Report report(Duration elapsed) {
        return new Scheduler.Report(Map.copyOf(outcomes), elapsed, List.copyOf(notes), nextAction, server, unreachable);
    }

    synchronized void close() {
        loaded.values().forEach(LiveCampaign::close);
        retired.forEach(LiveCampaign::close);
        loaded.clear();
    }

    /**
     * The campaigns in scope, read again at most once a second (and at once after a pause or a failed claim):
     * reading them for every letter cost as much as the letter. A pause by another process is still honoured at
     * once, because every claim checks the campaign's state in the database.
     */
    private List<CampaignRecord> campaigns(Instant now) {
        if (campaignsReadAt == null || !now.isBefore(campaignsReadAt.plusSeconds(1)) || now.isBefore(campaignsReadAt)) {
            campaignList = log.campaigns().stream().filter(inScope).toList();
            idle.clear();
            campaignsReadAt = now;
        }
        return campaignList;
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
        if (loaded.containsKey(campaign.id())) {
            return true;
        }
        boolean work = log.lettersLeft(campaign, now);
        if (!work) {
            idle.add(campaign.id());
        }
        return work;
    }

    /** The campaign ready to send, loaded once per run, or why it cannot be sent as queued. */
    private CampaignSource.Loaded load(CampaignRecord campaign) {
        LiveCampaign live = loaded.get(campaign.id());
        if (live != null && loadedVersion.get(campaign.id()) == campaign.version()) {
            return new CampaignSource.Loaded(live, null);
        }
        if (live != null) {
            // A new version was queued while this run sends it (send --live --at, say): its letters are made from
            // the new files. The old one's connections may be carrying a letter now: closed at the end of the run.
            retired.add(loaded.remove(campaign.id()));
        }
        CampaignSource.Loaded result = source.load(campaign);
        if (result.campaign() != null) {
            loaded.put(campaign.id(), result.campaign());
            loadedVersion.put(campaign.id(), campaign.version());
        }
        return result;
    }

    /** A campaign's facts, read from its files and the log when {@link NextStep} asks for them, under the lock. */
    private final class Facts implements CampaignFacts {
        private final CampaignRecord campaign;
        private final Instant now;
        private LiveCampaign live;

        Facts(CampaignRecord campaign, Instant now) {
            this.campaign = campaign;
            this.now = now;
        }

        @Override
        public boolean lettersLeft() {
            return hasWork(campaign, now);
        }

        @Override
        public String loadProblem() {
            CampaignSource.Loaded result = load(campaign);
            live = result.campaign();
            return result.problem();
        }

        @Override
        public Duration missedGrace() {
            return live.prepared.campaign().schedule().missedGrace();
        }

        @Override
        public boolean everAttempted() {
            if (!live.started && log.anyAttempted(campaign)) {
                live.started = true;
            }
            return live.started;
        }

        @Override
        public Due due() {
            Due due = live.due.peek(log, campaign, live.prepared.campaign().schedule(), now);
            if (due.letter() != null) {
                return due;
            }
            due = due.orRetryAt(log.nextRetry(campaign), now);
            if (due.wakeAt() == null) {
                // Nothing left at all: not asked again until the campaigns are next read (a second).
                idle.add(campaign.id());
                finished(campaign);
            }
            return due;
        }

        @Override
        public AccountSlot slot() {
            if (!live.paced()) {
                return new AccountSlot(now, false);
            }
            Optional<AccountBudgets.Usage> usage = log.usage(live.account(), now);
            var limits = live.prepared.campaign().smtp().pacing().limits();
            if (usage.isEmpty()) {
                log.configure(live.account(), limits.rate().toString(), limits.dailyCap());
                return new AccountSlot(now, false);
            }
            return AccountSlot.of(limits, usage.get(), now);
        }
    }
}

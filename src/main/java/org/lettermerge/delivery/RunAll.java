package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.schedule.Progress;
import org.lettermerge.schedule.Scheduler;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.schedule.StopSignal;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.SenderLock;
import org.lettermerge.store.State;

/**
 * {@code lettermerge run}: the scheduler for every campaign in one delivery log, including campaigns queued
 * after it started, until stopped ({@code --once}: one pass, for cron).
 */
public final class RunAll {

    public record Result(Map<String, Map<Long, State>> recovered, Scheduler.Report report) {}

    private RunAll() {}

    public static Result run(Path database, boolean once, Function<SmtpChoice, char[]> passwords,
                             Map<String, String> overrides, StopSignal stop, Progress progress, Clock clock,
                             Duration idlePoll) throws InterruptedException {
        try (DeliveryLog log = DeliveryLog.openExisting(database, clock); SenderLock lock = SenderLock.acquire(log)) {
            lock.onLost(stop::request);
            Map<String, Map<Long, State>> recovered = new LinkedHashMap<>();
            for (CampaignRecord campaign : log.control().all()) {
                Map<Long, State> settled = log.recoverInterrupted(campaign, lock);
                if (!settled.isEmpty()) {
                    recovered.put(campaign.name(), settled);
                }
            }
            Scheduler scheduler = new Scheduler(log, clock, Sleeper.interruptibleBy(stop), stop,
                    CampaignSources.fromFiles(log, database.toAbsolutePath().normalize(), passwords, overrides, clock), progress,
                    idlePoll);
            Scheduler.Report report = scheduler.run(once ? Scheduler.Mode.ONCE : Scheduler.Mode.FOREVER, c -> true, 0);
            return new Result(recovered, report);
        }
    }
}

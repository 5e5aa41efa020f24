package org.lettermerge.delivery;

import jakarta.mail.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.SenderLock;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * {@code send --live}: queue the campaign in the log (once, as a version), settle what a crashed run left in
 * SENDING, then send every sendable row once. Safe to run again: accepted rows are never sent twice.
 */
public final class LiveSend {

    /**
     * @param limit         send at most this many (0 = no limit)
     * @param acceptChanges record a changed campaign as a new version instead of stopping
     * @param password      the relay's password, or null
     * @param stop          asked to stop (Ctrl-C): no new letter is started
     */
    public record Options(int limit, boolean acceptChanges, char[] password, StopSignal stop) {}

    /** What happened: queue changes, rows recovered from a crash, the run's report, and where mail went. */
    public record Result(List<String> queued, Map<Long, State> recovered, SendReport report, String server,
                         Map<State, Integer> totals) {}

    private LiveSend() {}

    public static Result run(PreparedCampaign p, Options options, Progress progress, Clock clock) {
        if (p.hasErrors()) {
            throw new InvalidInputException(p.errors());
        }
        Path database = p.campaign().database();
        try (DeliveryLog log = DeliveryLog.openOrCreate(database, clock); SenderLock lock = SenderLock.acquire(database)) {
            QueuePlan plan = queue(p, log, options.acceptChanges());
            CampaignRecord campaign = log.findCampaign(p.campaign().name()).orElseThrow();
            Map<Long, State> recovered = log.recoverInterrupted(campaign);
            List<StoredRecipient> pending = log.recipients(campaign).stream()
                    .filter(r -> r.state().isSendable() && !r.isRemoved())
                    .limit(options.limit() > 0 ? options.limit() : Long.MAX_VALUE)
                    .toList();
            if (pending.isEmpty()) {
                SendReport nothing = new SendReport(Map.of(), 0, java.time.Duration.ZERO, null, false);
                return new Result(plan.described(), recovered, nothing, null, log.counts(campaign));
            }
            try (MailServer server = MailServer.open(p.campaign().smtp(), options.password(), sandboxMail(database))) {
                server.client().connect();
                MessageFactory messages = new MessageFactory(Session.getInstance(new Properties()),
                        p.campaign().sender(), p.campaign().attachments(), clock);
                SendReport report = new Dispatcher(log, campaign, p, messages, server.client(), clock)
                        .run(pending, progress, options.stop());
                return new Result(plan.described(), recovered, report, server.description(), log.counts(campaign));
            }
        }
    }

    /** Where the sandbox keeps the letters it receives: beside the delivery log. */
    public static Path sandboxMail(Path database) {
        return database.toAbsolutePath().getParent().resolve("sandbox-mail");
    }

    private static QueuePlan queue(PreparedCampaign p, DeliveryLog log, boolean acceptChanges) {
        var existing = log.findCampaign(p.campaign().name());
        if (existing.isEmpty()) {
            QueuePlan first = QueuePlan.first(p);
            log.createCampaign(p.campaign().name(), p.campaign().file().toString(), first.changes().newVersion(),
                    first.changes().added());
            return first;
        }
        CampaignRecord campaign = existing.get();
        QueuePlan plan = QueuePlan.against(p, log.currentVersion(campaign).orElseThrow(), log.recipients(campaign));
        if (plan.needsConfirmation() && !acceptChanges) {
            throw new CampaignChangedException(plan.described());
        }
        log.apply(campaign, plan.changes());
        return plan;
    }
}

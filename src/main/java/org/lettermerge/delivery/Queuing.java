package org.lettermerge.delivery;

import java.util.List;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.QueueChanges;

/** Queues a prepared campaign in the log: the first time as version 1, later as the changes it brings. */
final class Queuing {

    private Queuing() {}

    static QueuePlan queue(PreparedCampaign p, DeliveryLog log, boolean acceptChanges) {
        var existing = log.findCampaign(p.campaign().name());
        if (existing.isEmpty()) {
            QueuePlan.queueFirst(p, log);
            return new QueuePlan(new QueueChanges(null, p.campaign().file().toString(), List.of(), List.of(), List.of()),
                    List.of(p.recipients().count() + " recipients queued"), false);
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

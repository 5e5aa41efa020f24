package org.lettermerge.delivery;

import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;

/** Queues a prepared campaign in the log: the first time as version 1, later as the changes it brings. */
final class Queuing {

    private Queuing() {}

    static QueuePlan queue(PreparedCampaign p, DeliveryLog log, boolean acceptChanges) {
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

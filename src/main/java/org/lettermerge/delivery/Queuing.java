package org.lettermerge.delivery;

import java.util.List;
import java.util.Optional;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.QueueChanges;

/** Queues a prepared campaign in the log: the first time as version 1, later as the changes it brings. */
final class Queuing {

    private Queuing() {}

    static QueuePlan queue(PreparedCampaign p, DeliveryLog log, Consent consent) {
        var existing = log.findCampaign(p.campaign().name());
        if (existing.isEmpty()) {
            QueuePlan.queueFirst(p, log);
            return new QueuePlan(new QueueChanges(null, p.campaign().file().toString(), List.of(), List.of(), List.of()),
                    List.of(p.recipients().count() + " recipients queued"), false, false);
        }
        CampaignRecord campaign = existing.get();
        QueuePlan plan = plan(p, log, campaign);
        refusal(p, campaign, plan, consent).ifPresent(e -> {
            throw e;
        });
        log.apply(campaign, plan.changes());
        return plan;
    }

    static QueuePlan plan(PreparedCampaign p, DeliveryLog log, CampaignRecord campaign) {
        return QueuePlan.against(p, log.currentVersion(campaign).orElseThrow(), log.recipients(campaign));
    }

    /** Why queuing this plan must wait for the organizer, if it must; `check` and the dry run ask the same. */
    static Optional<CampaignChangedException> refusal(PreparedCampaign p, CampaignRecord campaign, QueuePlan plan,
                                                      Consent consent) {
        if (plan.differentLetter() && !consent.sameCampaign()) {
            return Optional.of(CampaignChangedException.differentLetter(campaign, p.campaign().file(), plan.described()));
        }
        if (plan.needsConfirmation() && !consent.acceptChanges()) {
            return Optional.of(new CampaignChangedException(plan.described()));
        }
        return Optional.empty();
    }
}

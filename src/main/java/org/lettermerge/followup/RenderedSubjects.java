package org.lettermerge.followup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.RecipientRef;
import org.lettermerge.store.StoredRecipient;

/**
 * Subjects rendered again from the campaign file and the row as it was queued, the way the letter was made. The
 * campaign is prepared only when a message first needs it (most replies keep their In-Reply-To), and a campaign
 * that no longer renders gives no subject rather than a guess.
 */
public final class RenderedSubjects implements LetterSubjects {

    private final Campaign campaign;
    private final DeliveryLog log;
    private final CampaignRecord record;
    private PreparedCampaign prepared;
    private Map<Long, StoredRecipient> rows;

    public RenderedSubjects(Campaign campaign, DeliveryLog log, CampaignRecord record) {
        this.campaign = campaign;
        this.log = log;
        this.record = record;
    }

    @Override
    public Optional<String> of(RecipientRef ref) {
        if (ref.campaignId() != record.id()) {
            return Optional.empty();
        }
        try {
            if (prepared == null) {
                // Only the subject is wanted: no per-row checks or trial renders of every letter, as preflight does.
                prepared = Preflight.prepareForRendering(campaign, List.of());
                rows = new HashMap<>();
                log.recipients(record).forEach(r -> rows.put(r.id(), r));
            }
            StoredRecipient row = rows.get(ref.id());
            if (prepared.templates() == null || row == null) {
                return Optional.empty();
            }
            return Optional.of(prepared.render(new Recipient(campaign.recipients(), row.line(), row.email(),
                    row.fields())).subject());
        } catch (RuntimeException e) {
            // A template or data file changed or gone since: this message stays for the other ways of matching.
            return Optional.empty();
        }
    }
}

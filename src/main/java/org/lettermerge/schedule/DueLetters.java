package org.lettermerge.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import org.lettermerge.campaign.ScheduleSettings;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.StoredRecipient;

/**
 * A campaign's due letters, read from the log a page at a time rather than once per letter (reading and decoding
 * rows was half the cost of a letter). A row in the page may have been claimed or paused meanwhile: the claim,
 * which checks both in the database, then fails and the page is dropped. Only the scheduler's dispatcher uses it,
 * under its lock.
 */
final class DueLetters {

    private static final int PAGE = 64;

    private final Deque<StoredRecipient> page = new ArrayDeque<>();

    /**
     * The next due row whose recipient's window is open now, left in line until {@link #take}n; otherwise no row,
     * and when the first window opens.
     */
    CampaignFacts.Due peek(LetterLog log, CampaignRecord campaign, ScheduleSettings schedule, Instant now) {
        boolean fresh = false;
        if (page.isEmpty()) {
            page.addAll(log.dueRows(campaign, now, PAGE));
            fresh = true;
        }
        CampaignFacts.Due due = firstOpen(schedule, now);
        if (due.letter() == null && !fresh) {
            // Only closed windows in an old page: look again, deferred letters may have come due since.
            page.clear();
            page.addAll(log.dueRows(campaign, now, PAGE));
            due = firstOpen(schedule, now);
        }
        return due;
    }

    private CampaignFacts.Due firstOpen(ScheduleSettings schedule, Instant now) {
        Instant opens = null;
        for (StoredRecipient row : page) {
            ZoneId zone = RecipientZone.of(row, schedule.zone());
            if (schedule.window().isOpen(now, zone)) {
                return new CampaignFacts.Due(row, null);
            }
            Instant at = schedule.window().nextOpen(now, zone);
            if (opens == null || at.isBefore(opens)) {
                opens = at;
            }
        }
        return new CampaignFacts.Due(null, opens);
    }

    /** Takes a row {@link #peek} offered out of the line: it is being claimed. */
    void take(StoredRecipient row) {
        page.remove(row);
    }

    /** Forget the page: after a pause or a failed claim the log knows better. */
    void forget() {
        page.clear();
    }
}

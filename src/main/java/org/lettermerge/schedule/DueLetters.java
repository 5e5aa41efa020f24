package org.lettermerge.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.lettermerge.campaign.ScheduleSettings;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;

/**
 * A campaign's due letters, read from the log a page at a time rather than once per letter (reading and decoding
 * rows was half the cost of a letter). A row in the page may have been claimed or paused meanwhile: the claim,
 * which checks both in the database, then fails and the row is skipped.
 */
final class DueLetters {

    private static final int PAGE = 64;

    private final Deque<StoredRecipient> page = new ArrayDeque<>();

    /** The next due row whose recipient's window is open now; otherwise null, with the earliest opening in {@code wake}. */
    StoredRecipient next(DeliveryLog log, CampaignRecord campaign, ScheduleSettings schedule, Instant now,
                         Instant[] wake) {
        boolean fresh = false;
        if (page.isEmpty()) {
            page.addAll(log.dueRows(campaign, now, PAGE));
            fresh = true;
        }
        StoredRecipient open = firstOpen(schedule, now, wake);
        if (open == null && !fresh) {
            // Only closed windows in an old page: look again, deferred letters may have come due since.
            page.clear();
            page.addAll(log.dueRows(campaign, now, PAGE));
            open = firstOpen(schedule, now, wake);
        }
        return open;
    }

    private StoredRecipient firstOpen(ScheduleSettings schedule, Instant now, Instant[] wake) {
        for (Iterator<StoredRecipient> it = page.iterator(); it.hasNext(); ) {
            StoredRecipient row = it.next();
            ZoneId zone = RecipientZone.of(row, schedule.zone());
            if (schedule.window().isOpen(now, zone)) {
                it.remove();
                return row;
            }
            Instant opens = schedule.window().nextOpen(now, zone);
            if (wake[0] == null || opens.isBefore(wake[0])) {
                wake[0] = opens;
            }
        }
        return null;
    }

    /** Returns a row taken by {@link #next} but not claimed now (its worker must connect first, or the
     * account's pace says later): it stays first in line. */
    void putBack(StoredRecipient row) {
        page.addFirst(row);
    }

    /** Forget the page: after a pause or a failed claim the log knows better. */
    void forget() {
        page.clear();
    }
}

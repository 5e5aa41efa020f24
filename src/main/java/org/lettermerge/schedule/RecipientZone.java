package org.lettermerge.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.lettermerge.store.StoredRecipient;

/** A recipient's time zone: their {@code timezone} column when it names a zone, else the campaign's. */
final class RecipientZone {

    private RecipientZone() {}

    static ZoneId of(StoredRecipient row, ZoneId campaignZone) {
        String zone = row.fields().get("timezone");
        if (zone == null || zone.isBlank()) {
            return campaignZone;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            return campaignZone;
        }
    }
}

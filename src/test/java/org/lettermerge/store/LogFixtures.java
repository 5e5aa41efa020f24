package org.lettermerge.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Rows and versions to queue in store tests, so each test shows only what it changes. */
final class LogFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    private LogFixtures() {}

    static CampaignVersion version(int number) {
        return new CampaignVersion(number, "content-" + number, Map.of("subject", "s" + number), "rows-" + number, null);
    }

    static NewRecipient row(String email, int line) {
        String key = email.toLowerCase(java.util.Locale.ROOT);
        return new NewRecipient(key, email, "Name " + line, Map.of("email", email, "name", "Name " + line),
                "hash-" + key, line, "<" + line + "." + key + "@test.lettermerge>");
    }

    /** Creates campaign "c" with the given rows queued under version 1. */
    static CampaignRecord campaign(DeliveryLog log, NewRecipient... rows) {
        return log.createCampaign("c", "/campaigns/c.yaml", version(1), List.of(rows));
    }

    static StoredRecipient stored(DeliveryLog log, CampaignRecord c, String email) {
        return log.recipients(c).stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow();
    }
}

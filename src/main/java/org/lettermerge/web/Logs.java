package org.lettermerge.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;

/**
 * The delivery logs the dashboard serves, named in requests by their position ({@code log=0}). A log is opened for
 * each request and closed after it, so the dashboard never holds one a sender needs: read-only for every page that
 * only shows, writable only for an action.
 */
final class Logs {

    private final List<Path> paths;
    private final Clock clock;

    /** Opens each log once, writable, so an older one is migrated before the pages read it read-only. */
    Logs(List<Path> paths, Clock clock) {
        this.paths = List.copyOf(paths);
        this.clock = clock;
        for (Path p : this.paths) {
            DeliveryLog.openExisting(p, clock).close();
        }
    }

    int size() {
        return paths.size();
    }

    Path path(int index) {
        return paths.get(index);
    }

    DeliveryLog read(int index) {
        return DeliveryLog.openReadOnly(paths.get(index), clock);
    }

    DeliveryLog write(int index) {
        return DeliveryLog.openExisting(paths.get(index), clock);
    }

    /** The log a request's {@code log} field names. */
    int index(Map<String, String> fields) {
        long i = Requests.number(fields.get("log"));
        if (i < 0 || i >= paths.size()) {
            throw new NotFound("No such delivery log.");
        }
        return (int) i;
    }

    static CampaignRecord campaign(DeliveryLog log, String name) {
        return log.findCampaign(name == null ? "" : name).orElseThrow(() -> new NotFound("No such campaign."));
    }

    static StoredRecipient recipient(DeliveryLog log, CampaignRecord c, long id) {
        List<StoredRecipient> found = new ArrayList<>();
        log.listing().byIds(c, List.of(id), found::add);
        if (found.isEmpty()) {
            throw new NotFound("No such recipient in campaign " + c.name() + ".");
        }
        return found.get(0);
    }
}

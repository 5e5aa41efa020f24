package org.lettermerge.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import jakarta.mail.internet.AddressException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.lettermerge.delivery.Controls;
import org.lettermerge.recipients.Addresses;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Suppressions;

/**
 * What the organizer changes from the dashboard, each through the code the CLI's command runs: {@link Controls}
 * for pause, resume, cancel and resolve (the same atomic claims, so a pause here stops new letters in every
 * process), the log's suppression list for add and remove, {@link FollowupForm} for follow-ups. Each opens the
 * log writable for itself and answers with a redirect to the page that shows the change.
 */
final class Actions {

    private final Logs logs;
    private final Clock clock;
    private final FollowupForm followups;

    Actions(Logs logs, Pages pages, Clock clock) {
        this.logs = logs;
        this.clock = clock;
        this.followups = new FollowupForm(logs, pages, clock);
    }

    String followupForm(Map<String, String> query, String formToken) {
        return followups.page(query, formToken, null);
    }

    void act(String path, Map<String, String> form, String formToken, Response response, Callback callback)
            throws InterruptedException {
        int index = logs.index(form);
        if (path.equals("/followup")) {
            followups.create(index, form, formToken, response, callback);
            return;
        }
        try (DeliveryLog log = logs.write(index)) {
            if (path.equals("/unsuppress") || path.equals("/suppress") && form.get("c") == null) {
                suppressionList(log, path, form);
                Replies.redirect(response, callback, "/suppressions?log=" + index);
                return;
            }
            CampaignRecord campaign = Logs.campaign(log, form.get("c"));
            Controls controls = new Controls(log, clock, Sleeper.REAL);
            switch (path) {
                // Duration.ZERO: the page does not wait for letters in flight; it shows them as they settle.
                case "/pause" -> controls.pause(campaign, Duration.ZERO);
                case "/cancel" -> controls.cancel(campaign, Duration.ZERO);
                case "/resume" -> controls.resume(campaign);
                case "/resolve" -> controls.resolve(campaign, Logs.recipient(log, campaign,
                        Requests.number(form.get("id"))),
                        Requests.required(form.get("as"), Controls.Resolution.class, "decision"));
                case "/suppress" -> log.suppressions().add(Logs.recipient(log, campaign,
                        Requests.number(form.get("id"))).email(), reason(form, "asked not to be written to again"),
                        Suppressions.Source.MANUAL, actor());
                default -> throw new NotFound("There is no such action.");
            }
            Replies.redirect(response, callback, "/campaign" + Pages.campaignLink(index, campaign.name()));
        }
    }

    /** The suppression list's own page: an address typed in, or one removed (with why, kept in its history). */
    private void suppressionList(DeliveryLog log, String path, Map<String, String> form) {
        String raw = form.get("email") == null ? "" : form.get("email").strip();
        String address;
        try {
            address = Addresses.parseStrict(raw).getAddress();
        } catch (AddressException e) {
            throw new BadInput("'" + raw + "' is not a usable address: nothing was changed. Go back and correct it.");
        }
        if (path.equals("/unsuppress")) {
            log.suppressions().remove(address, reason(form, "removed from the dashboard"), actor());
        } else {
            log.suppressions().add(address, reason(form, "added from the dashboard"), Suppressions.Source.MANUAL,
                    actor());
        }
    }

    private static String reason(Map<String, String> form, String otherwise) {
        String given = form.get("reason");
        return given == null || given.isBlank() ? otherwise : given.strip();
    }

    /** Who did it, as the suppression history records it: the dashboard, run by this user of the machine. */
    private static String actor() {
        return "dashboard (" + System.getProperty("user.name", "unknown") + ")";
    }
}

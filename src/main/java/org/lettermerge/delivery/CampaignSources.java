package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.Fingerprint;
import org.lettermerge.campaign.Overrides;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.followup.Reminders;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.CampaignSource;
import org.lettermerge.schedule.LiveCampaign;
import org.lettermerge.store.CampaignVersion;
import org.lettermerge.store.DeliveryLog;

/** Where the scheduler's campaigns come from: one already prepared (send --live), or their files (run). */
public final class CampaignSources {

    private CampaignSources() {}

    /** The campaign `send --live` just prepared and queued. */
    public static CampaignSource prepared(PreparedCampaign p, char[] password, Clock clock) {
        return record -> record.name().equals(p.campaign().name())
                ? new CampaignSource.Loaded(new LiveCampaign(p, password, LiveSend.sandboxMail(p.campaign().database()),
                        clock, record.consecutiveFailures()), null)
                : new CampaignSource.Loaded(null, "not the campaign this command sends");
    }

    /**
     * Each campaign read again from the file it was queued from, with the overrides it was queued with. If its
     * letters would no longer be made from what was queued (a template, the subject, a data file or an attachment
     * changed), it is not sent: the organizer confirms with send --live --accept-changes. {@code runOverrides}
     * (run --rate) win over those the campaign was queued with.
     */
    public static CampaignSource fromFiles(DeliveryLog log, Path database, Function<SmtpChoice, char[]> passwords,
                                           Map<String, String> runOverrides, Clock clock) {
        return record -> {
            PreparedCampaign p;
            char[] password;
            try {
                Map<String, String> overrides = new HashMap<>(record.overrides());
                overrides.putAll(runOverrides);
                var campaign = Overrides.apply(CampaignFile.load(Path.of(record.campaignFile())), overrides)
                        .withDatabase(database);
                var followup = log.followups().of(record);
                // A follow-up is made from its parent's file with the reminder's template; its rows come from the log.
                p = followup.isPresent()
                        ? Preflight.prepareReminder(Reminders.campaign(campaign, record.name(), followup.get()))
                        : Preflight.prepare(campaign);
                if (p.hasErrors()) {
                    throw new InvalidInputException(p.errors());
                }
                password = passwords.apply(p.campaign().smtp());
            } catch (InvalidInputException e) {
                return new CampaignSource.Loaded(null, "its files cannot be used as they are: "
                        + e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
            }
            CampaignVersion accepted = log.currentVersion(record).orElseThrow();
            if (!Fingerprint.overall(p.parts()).equals(accepted.contentHash()) && log.followups().of(record).isPresent()) {
                return new CampaignSource.Loaded(null, "its reminder template or the campaign's files changed since "
                        + "the follow-up was created; cancel it and create a new one with `lettermerge followup`");
            }
            if (!Fingerprint.overall(p.parts()).equals(accepted.contentHash())) {
                return new CampaignSource.Loaded(null, "its files changed since version " + accepted.version()
                        + " was queued; check them with `lettermerge send " + record.campaignFile()
                        + "`, then confirm with `send --live --accept-changes`");
            }
            return new CampaignSource.Loaded(new LiveCampaign(p, password, LiveSend.sandboxMail(database), clock,
                    record.consecutiveFailures()), null);
        };
    }
}

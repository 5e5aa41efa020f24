package org.lettermerge.followup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Fingerprint;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageIds;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignVersion;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Followups;
import org.lettermerge.store.NewRecipient;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.template.Letter;
import org.lettermerge.template.MissingValueException;

/**
 * {@code followup}: a follow-up campaign of a sent one, queued in the same log and sent by the same scheduler.
 * Its rows are the parent's rows that qualify now (so status can show them); each claim checks again, so a
 * reminder is only sent if its recipient still qualifies when it goes out.
 */
public final class Reminders {

    /** The default subject: the parent letter's subject as that recipient got it. */
    public static final String DEFAULT_SUBJECT = "Re: {{original_subject}}";

    /**
     * The spacing of a follow-up that starts now because no --after or --at was given: running {@code followup}
     * twice with the defaults (once `run` has sent the first) must not remind anyone twice the same day. An explicit
     * {@code --after 0s} asks for no spacing (a corrected reminder, with --another).
     */
    public static final Duration DEFAULT_SPACING = Duration.ofDays(1);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * What the organizer asks for.
     *
     * @param subject the subject template given with --subject, or null for {@link #DEFAULT_SUBJECT}
     * @param spacing the least time between two reminders about the parent letter to one person (--after, or the
     *                wait until --at); also how recent an earlier follow-up refuses this one
     * @param another create it even though an earlier follow-up is scheduled, sending or recent (--another)
     */
    public record Request(Followups.Who who, Path template, String subject, Instant startAt, Duration spacing,
                          boolean another) {}

    /** The follow-up as created: its record and its rows per state (suppressed addresses are already SKIPPED). */
    public record Created(CampaignRecord campaign, Map<State, Integer> totals) {}

    private Reminders() {}

    /** The campaign a follow-up's letters are made from: the parent's file with the reminder's template and subject. */
    public static Campaign campaign(Campaign parent, String name, Followups.Followup followup) {
        return parent.asReminder(name, followup.subject() == null ? DEFAULT_SUBJECT : followup.subject(),
                followup.template());
    }

    /**
     * What a follow-up would be, computed as {@link #create} computes it but written nowhere: how many reminders
     * would go out, how many would be skipped at once because their address is suppressed, and the first one as
     * its recipient would get it (null when nobody would).
     */
    public record Preview(String name, int count, int suppressed, StoredRecipient first, Letter firstLetter) {}

    /**
     * Creates follow-up N of {@code parent} (loaded from its file, with the database to use) as {@code request}
     * asks.
     *
     * @throws InvalidInputException the parent was never queued, an earlier follow-up is on its way (without
     *                               --another), or the reminder does not render for some row
     */
    public static Created create(Campaign parent, Request request, Clock clock) {
        try (DeliveryLog log = DeliveryLog.openExisting(parent.database(), clock)) {
            return create(log, parent, request, clock);
        }
    }

    /** As {@link #create(Campaign, Request, Clock)}, in a log already open (the parent's). */
    public static Created create(DeliveryLog log, Campaign parent, Request request, Clock clock) {
        Plan plan = plan(log, parent, request, clock);
        CampaignRecord created = log.createFollowup(plan.parent(), plan.name(), plan.followup().number(),
                request.who(), plan.followup().template(), request.subject(), request.spacing(),
                new CampaignVersion(1, Fingerprint.overall(plan.reminder().parts()), plan.reminder().parts(),
                        Fingerprint.overall(Map.of()), null), plan.rows());
        log.control().schedule(created, request.startAt(), plan.parent().account(), plan.parent().overrides());
        created = log.findCampaign(plan.name()).orElseThrow();
        return new Created(created, log.counts(created));
    }

    /** The follow-up {@code request} would create, with the same checks, changing nothing (a read-only log will do). */
    public static Preview preview(DeliveryLog log, Campaign parent, Request request, Clock clock) {
        Plan plan = plan(log, parent, request, clock);
        // One read of the list, not a query per row: a no-reply follow-up of a large campaign has a row per letter.
        java.util.Set<String> list = log.suppressions().byKey().keySet();
        int suppressed = 0;
        int first = -1;
        for (int i = 0; i < plan.rows().size(); i++) {
            if (list.contains(plan.rows().get(i).row().emailKey())) {
                suppressed++;
            } else if (first < 0) {
                first = i;
            }
        }
        if (first < 0) {
            return new Preview(plan.name(), 0, suppressed, null, null);
        }
        NewRecipient row = plan.rows().get(first).row();
        return new Preview(plan.name(), plan.rows().size() - suppressed, suppressed, plan.candidates().get(first),
                plan.reminder().render(new Recipient(parent.recipients(), row.line(), row.email(), row.fields())));
    }

    private record Plan(CampaignRecord parent, String name, Followups.Followup followup, PreparedCampaign reminder,
                        List<StoredRecipient> candidates, List<DeliveryLog.NewReminder> rows) {}

    private static Plan plan(DeliveryLog log, Campaign parent, Request request, Clock clock) {
        Followups.Who who = request.who();
        CampaignRecord parentRecord = log.findCampaign(parent.name()).orElseThrow(() -> new InvalidInputException(
                Problem.error(Problem.display(parent.file()), "campaign " + parent.name()
                        + " has not been sent from " + Problem.display(parent.database())
                        + ": a follow-up answers letters that went out")));
        if (!request.another()) {
            FollowupRepeats.refusal(log.followups().progress(parentRecord), clock.instant(), request.spacing())
                    .ifPresent(why -> {
                        throw new InvalidInputException(Problem.error(Problem.display(parent.file()), why));
                    });
        }
        PreparedCampaign parentPrepared = Preflight.prepare(parent);
        if (parentPrepared.templates() == null) {
            throw new InvalidInputException(parentPrepared.errors());
        }
        int number = log.followups().nextNumber(parentRecord);
        String name = parent.name() + "-followup-" + number;
        Followups.Followup followup = new Followups.Followup(0, parentRecord.id(), number, who,
                request.template().toAbsolutePath().normalize(), request.subject(), null);
        PreparedCampaign reminder = Preflight.prepareReminder(campaign(parent, name, followup));
        if (reminder.hasErrors()) {
            throw new InvalidInputException(reminder.errors());
        }
        ZoneId zone = parent.schedule().zone();
        String domain = MessageIds.domainOf(parent.sender().from());
        List<Problem> problems = new ArrayList<>();
        List<StoredRecipient> candidates = log.followups().candidates(parentRecord, who);
        List<DeliveryLog.NewReminder> rows = new ArrayList<>();
        for (StoredRecipient row : candidates) {
            Map<String, String> fields = new LinkedHashMap<>(row.fields());
            var original = render(parentPrepared, parent, row.fields(), row, problems);
            fields.put("original_subject", original == null ? "" : original.subject());
            Instant sentAt = row.lastAttemptAt() != null ? row.lastAttemptAt() : row.queuedAt();
            fields.put("original_date", DATE.format(sentAt.atZone(zone)));
            render(reminder, parent, fields, row, problems);
            rows.add(new DeliveryLog.NewReminder(new NewRecipient(row.emailKey(), row.email(),
                    row.name(), fields, Fingerprint.row(fields), row.line(), MessageIds.next(domain)), row.id()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Plan(parentRecord, name, followup, reminder, candidates, rows);
    }

    private static Letter render(PreparedCampaign p, Campaign parent, Map<String, String> fields,
                                                          StoredRecipient row, List<Problem> problems) {
        try {
            return p.render(new Recipient(parent.recipients(), row.line(), row.email(), fields));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        } catch (MissingValueException e) {
            problems.add(e.toProblem());
        }
        return null;
    }
}

package org.lettermerge.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.followup.FollowupStart;
import org.lettermerge.followup.Reminders;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Followups;
import org.lettermerge.template.Letter;

/**
 * A follow-up from the dashboard, as {@code lettermerge followup} makes one: whom it is for, its template (a path
 * relative to the campaign file, as in the campaign file), when it starts and its subject. "Preview" shows how many
 * would get it and the first reminder as its recipient would read it, changing nothing; "Create" queues it through
 * {@link Reminders#create}, with the same checks and the same refusal of a second follow-up on its way.
 */
final class FollowupForm {

    private final Logs logs;
    private final Pages pages;
    private final Clock clock;

    FollowupForm(Logs logs, Pages pages, Clock clock) {
        this.logs = logs;
        this.pages = pages;
        this.clock = clock;
    }

    /** The form, with the preview when the form was filled in; {@code problems} say why creating was refused. */
    String page(Map<String, String> fields, String formToken, List<Problem> problems) {
        int index = logs.index(fields);
        try (DeliveryLog log = logs.read(index)) {
            CampaignRecord c = Logs.campaign(log, fields.get("c"));
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("name", c.name());
            page.put("log", index);
            page.put("url", "/campaign" + Pages.campaignLink(index, c.name()));
            page.put("csrf", formToken);
            String who = fields.getOrDefault("who", Followups.Who.values()[0].stored());
            page.put("whos", Arrays.stream(Followups.Who.values()).map(w -> Map.of("value", w.stored(),
                    "selected", w.stored().equals(who))).toList());
            page.put("start", fields.getOrDefault("start", ""));
            page.put("subject", fields.getOrDefault("subject", Reminders.DEFAULT_SUBJECT));
            page.put("another", fields.containsKey("another"));
            page.put("zone", pages.zone().getId());
            List<Problem> shown = problems;
            try {
                Campaign parent = parent(c, index);
                page.put("template", fields.getOrDefault("template", suggestedTemplate(parent)));
                if (problems == null && fields.containsKey("who")) {
                    page.put("preview", preview(Reminders.preview(log, parent, request(fields, parent), clock)));
                }
            } catch (InvalidInputException e) {
                shown = e.problems();
            }
            page.putIfAbsent("template", fields.getOrDefault("template", ""));
            page.put("problems", shown == null ? List.of() : shown.stream().map(Problem::toString).toList());
            page.put("anyProblems", shown != null && !shown.isEmpty());
            return pages.render("followup.mustache", page);
        }
    }

    void create(int index, Map<String, String> form, String formToken, Response response, Callback callback) {
        List<Problem> problems;
        try (DeliveryLog log = logs.write(index)) {
            CampaignRecord c = Logs.campaign(log, form.get("c"));
            Campaign parent = parent(c, index);
            Reminders.create(log, parent, request(form, parent), clock);
            Replies.redirect(response, callback, "/campaign" + Pages.campaignLink(index, c.name()) + "#followups");
            return;
        } catch (InvalidInputException e) {
            problems = e.problems();
        }
        Replies.send(response, callback, 400, page(form, formToken, problems));
    }

    private Map<String, Object> preview(Reminders.Preview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("followup", p.name());
        m.put("count", p.count());
        m.put("one", p.count() == 1);
        m.put("suppressed", p.suppressed() == 0 ? null : p.suppressed());
        if (p.first() != null) {
            Letter letter = p.firstLetter();
            m.put("to", p.first().name() == null ? p.first().email() : p.first().name() + " <" + p.first().email() + ">");
            m.put("previewSubject", letter.subject());
            m.put("previewText", letter.text());
        }
        return m;
    }

    private Reminders.Request request(Map<String, String> fields, Campaign parent) {
        Followups.Who who;
        try {
            who = Followups.Who.of(fields.getOrDefault("who", ""));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such choice of recipients.");
        }
        String template = fields.getOrDefault("template", "").strip();
        if (template.isEmpty()) {
            throw new InvalidInputException(Problem.error("Template", "give the reminder's template file, e.g. "
                    + "../templates/reminder.txt.mustache"));
        }
        FollowupStart start = FollowupStart.parse(fields.get("start"), parent.schedule().zone(), clock.instant(),
                "Starts");
        String subject = fields.get("subject") == null || fields.get("subject").isBlank()
                || fields.get("subject").strip().equals(Reminders.DEFAULT_SUBJECT) ? null : fields.get("subject").strip();
        return new Reminders.Request(who, parent.file().toAbsolutePath().getParent().resolve(template).normalize(),
                subject, start.startAt(), start.spacing(), fields.containsKey("another"));
    }

    /** The campaign as its file says now, with the log served here as its database (the file's may be a copy's). */
    private Campaign parent(CampaignRecord c, int index) {
        return CampaignFile.load(Path.of(c.campaignFile())).withDatabase(logs.path(index));
    }

    /** A reminder template beside the letter's, if the organizers wrote one: what most will pick. */
    private static String suggestedTemplate(Campaign parent) {
        Path folder = parent.file().toAbsolutePath().getParent();
        Path beside = parent.template().toAbsolutePath().resolveSibling("reminder.txt.mustache");
        return Files.isRegularFile(beside) ? folder.relativize(beside).toString() : "";
    }
}

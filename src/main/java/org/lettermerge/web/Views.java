package org.lettermerge.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.store.Suppressions;

/** The pages that only show, each from a log opened read-only for the request: campaigns, a recipient, opt-outs. */
final class Views {

    private final Logs logs;
    private final Pages pages;
    private final Clock clock;

    Views(Logs logs, Pages pages, Clock clock) {
        this.logs = logs;
        this.pages = pages;
        this.clock = clock;
    }

    /** Every campaign of every log, as the campaigns page and the live updates show them. */
    List<Map<String, Object>> summaries() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            try (DeliveryLog log = logs.read(i)) {
                for (CampaignRecord c : log.control().all()) {
                    all.add(pages.summary(i, log, c, clock.instant()));
                }
            }
        }
        return all;
    }

    String campaigns(String formToken) {
        List<Map<String, Object>> suppressionLists = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            suppressionLists.add(Map.of("url", "/suppressions?log=" + i, "path", logs.path(i).toString()));
        }
        return pages.campaigns(summaries(), suppressionLists, formToken);
    }

    String recipient(Map<String, String> query) {
        int index = logs.index(query);
        try (DeliveryLog log = logs.read(index)) {
            CampaignRecord c = Logs.campaign(log, query.get("c"));
            StoredRecipient r = Logs.recipient(log, c, Requests.number(query.get("id")));
            List<InboundMessage> mail = log.inbox().answering(c).stream()
                    .filter(m -> m.recipient() != null && m.recipient().id() == r.id()).toList();
            Responses answers = Responses.byRecipient(mail).getOrDefault(r.id(), Responses.NONE);
            return new RecipientPage(c.name(), "/campaign" + Pages.campaignLink(index, c.name()), r, answers, mail,
                    log.followups().remindersOf(r.id()), log.listing().history(r), LetterAsSent.of(log, c, r, clock),
                    "/letter" + Pages.campaignLink(index, c.name()) + "&id=" + r.id()).render(pages);
        }
    }

    /** The HTML part of a recipient's letter, served on its own into a sandboxed frame (see {@link Replies#letter}). */
    String letterHtml(Map<String, String> query) {
        int index = logs.index(query);
        try (DeliveryLog log = logs.read(index)) {
            CampaignRecord c = Logs.campaign(log, query.get("c"));
            StoredRecipient r = Logs.recipient(log, c, Requests.number(query.get("id")));
            LetterAsSent letter = LetterAsSent.of(log, c, r, clock);
            if (letter.html() == null) {
                throw new NotFound("This letter has no HTML version.");
            }
            return letter.html();
        }
    }

    /** The log's suppression list: who is never written to again, and why; with add and remove. */
    String suppressions(Map<String, String> query, String formToken) {
        int index = logs.index(query);
        try (DeliveryLog log = logs.read(index)) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Suppressions.Entry e : log.suppressions().list()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("email", e.email());
                m.put("reason", e.reason());
                m.put("source", e.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                m.put("added", pages.time(e.addedAt()));
                m.put("by", e.addedBy());
                entries.add(m);
            }
            return pages.suppressions(index, logs.path(index).toString(), entries, formToken);
        }
    }
}

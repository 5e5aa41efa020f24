package org.lettermerge.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.Event;
import org.lettermerge.store.Followups;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.StoredRecipient;

/** One recipient's page: their letter as sent, every step of its history, their replies and bounces, reminders. */
record RecipientPage(String campaign, String campaignUrl, StoredRecipient row, Responses answers,
                     List<InboundMessage> mail, List<Followups.Reminder> reminders, List<Event> history,
                     LetterAsSent letter, String letterUrl) {

    String render(Pages pages) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Event e : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", pages.time(e.at()));
            m.put("kind", e.kind().name().toLowerCase());
            m.put("to", e.toState() == null ? null : e.toState().name().toLowerCase());
            m.put("reply", e.smtpReply());
            m.put("detail", e.detail());
            events.add(m);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("campaign", campaign);
        page.put("campaignUrl", campaignUrl);
        page.put("email", row.email());
        page.put("name", row.name());
        page.put("state", row.state().name().toLowerCase());
        page.put("messageId", row.messageId());
        page.put("events", events);
        page.put("replied", answers.replied() ? pages.time(answers.repliedAt()) : null);
        page.put("autoReply", answers.autoReplied());
        page.put("bounced", answers.bounced() ? answers.bounceSummary() : null);
        page.put("asksUnsubscribe", answers.asksUnsubscribe());
        page.put("mail", mail.stream().map(m -> Map.of("kind", m.kind().name().toLowerCase().replace('_', ' '),
                "from", m.from() == null ? "" : m.from(), "at", pages.time(m.receivedAt()),
                "subject", m.subject() == null ? "" : m.subject(), "snippet", m.snippet() == null ? "" : m.snippet()))
                .toList());
        page.put("reminders", reminders.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("campaign", r.campaign());
            m.put("state", r.row().state().name().toLowerCase());
            m.put("at", pages.time(r.row().lastAttemptAt()));
            m.put("skipped", r.row().skipReason());
            return m;
        }).toList());
        page.put("anyMail", !mail.isEmpty());
        page.put("anyReminders", !reminders.isEmpty());
        page.put("anyAttachments", !letter.attachments().isEmpty());
        page.put("letterProblem", letter.problem());
        page.put("rebuilt", letter.problem() == null && !letter.sameFiles());
        page.put("headers", letter.headers());
        page.put("text", letter.text());
        page.put("html", letter.html() == null ? null : letterUrl);
        page.put("attachments", letter.attachments());
        page.put("zone", pages.zone().getId());
        return pages.render("recipient.mustache", page);
    }
}

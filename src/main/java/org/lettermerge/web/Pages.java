package org.lettermerge.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Event;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The dashboard's pages, rendered on the server from Mustache templates in the jar. Mustache escapes every
 * {{value}} for HTML, so a name such as {@code <img src=x onerror=alert(1)>} shows as written. The one triple brace
 * is the chart's SVG, made by the report's code, which escapes every label it writes. Times are shown in the organizer's zone, with the zone named.
 */
final class Pages {

    /** Rows of the recipient table per page: a 100,000-recipient campaign opens as fast as a 10-recipient one. */
    static final int PAGE = 50;

    private final DefaultMustacheFactory templates = new DefaultMustacheFactory("org/lettermerge/web");
    private final DateTimeFormatter time;

    Pages(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    /** One campaign as the campaigns page lists it. */
    Map<String, Object> summary(int logIndex, DeliveryLog log, CampaignRecord c, Instant now) {
        CampaignStatus status = CampaignStatus.of(log, c, now);
        Map<State, Integer> counts = log.counts(c);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int accepted = counts.getOrDefault(State.ACCEPTED, 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("url", "/campaign?log=" + logIndex + "&c=" + url(c.name()));
        m.put("reportUrl", "/report?log=" + logIndex + "&c=" + url(c.name()));
        m.put("state", status.state());
        m.put("detail", status.detail());
        m.put("accepted", accepted);
        m.put("total", total);
        m.put("percent", total == 0 ? 0 : accepted * 100 / total);
        m.put("next", status.next() == null ? null : time.format(status.next()));
        m.put("paused", c.state() == org.lettermerge.store.CampaignState.PAUSED);
        m.put("active", c.state() == org.lettermerge.store.CampaignState.ACTIVE);
        m.put("cancellable", c.state() != org.lettermerge.store.CampaignState.CANCELLED
                && !status.state().equals("finished"));
        m.put("log", logIndex);
        m.put("counts", counts.entrySet().stream().map(e -> Map.of("state", e.getKey().name().toLowerCase(),
                "n", e.getValue())).toList());
        return m;
    }

    String campaigns(List<Map<String, Object>> campaigns, String zone) {
        return render("campaigns.mustache", Map.of("campaigns", campaigns, "none", campaigns.isEmpty(), "zone", zone));
    }

    /** What waits for the organizer: UNKNOWN letters, replies asking to unsubscribe (not yet suppressed). */
    record Decisions(List<StoredRecipient> unknown, List<StoredRecipient> unsubscribe) {
        boolean any() {
            return !unknown.isEmpty() || !unsubscribe.isEmpty();
        }
    }

    /** What the recipient table is narrowed to: a text in the name or address, a state; null for none. */
    record Filter(String search, State state, Answer answer) {}

    /** What came back from the mailbox, as the recipient table can be filtered by it. */
    enum Answer implements java.util.function.Predicate<Responses> {
        REPLIED, AUTO_REPLY, BOUNCED, ASKS_UNSUBSCRIBE;

        @Override
        public boolean test(Responses r) {
            return switch (this) {
                case REPLIED -> r.replied();
                case AUTO_REPLY -> r.autoReplied();
                case BOUNCED -> r.bounced();
                case ASKS_UNSUBSCRIBE -> r.asksUnsubscribe();
            };
        }

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    String campaign(Map<String, Object> summary, List<StoredRecipient> rows, Filter filter,
                    Decisions decisions, String formToken, String zone) {
        List<StoredRecipient> unknown = decisions.unknown();
        String search = filter.search();
        List<Map<String, Object>> shown = new ArrayList<>();
        for (StoredRecipient r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", r.email());
            row.put("name", r.name());
            row.put("state", r.state().name().toLowerCase());
            row.put("reply", r.smtpReply());
            row.put("last", r.lastAttemptAt() == null ? null : time.format(r.lastAttemptAt()));
            row.put("url", "/recipient?log=" + summary.get("log") + "&c=" + url((String) summary.get("name")) + "&id="
                    + r.id());
            shown.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>(summary);
        page.put("rows", shown);
        page.put("none", shown.isEmpty());
        page.put("search", search);
        page.put("answers", java.util.Arrays.stream(Answer.values()).map(a -> Map.of("value", a.value(),
                "selected", a == filter.answer())).toList());
        page.put("states", java.util.Arrays.stream(State.values()).map(s -> Map.of("value", s.name().toLowerCase(),
                "selected", s == filter.state())).toList());
        page.put("unknown", unknown.stream().map(r -> Map.of("id", r.id(), "email", r.email(),
                "name", r.name() == null ? "" : r.name(), "messageId", r.messageId(),
                "last", r.lastAttemptAt() == null ? "" : time.format(r.lastAttemptAt()))).toList());
        page.put("decisions", decisions.any());
        page.put("anyUnknown", !unknown.isEmpty());
        page.put("unsubscribe", decisions.unsubscribe().stream().map(r -> Map.of("id", r.id(), "email", r.email(),
                "name", r.name() == null ? "" : r.name())).toList());
        page.put("campaignName", summary.get("name")); // a recipient's "name" shadows the campaign's in its section
        page.put("csrf", formToken);
        page.put("zone", zone);
        if (rows.size() == PAGE) {
            page.put("more", summary.get("url") + "&after=" + rows.get(rows.size() - 1).id()
                    + (search == null ? "" : "&q=" + url(search))
                    + (filter.state() == null ? "" : "&state=" + filter.state().name().toLowerCase())
                    + (filter.answer() == null ? "" : "&answer=" + filter.answer().value()));
        }
        return render("campaign.mustache", page);
    }

    String recipient(Map<String, Object> summary, StoredRecipient r, Responses answers, List<Event> history,
                     String zone) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Event e : history) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", time.format(e.at()));
            row.put("kind", e.kind().name().toLowerCase());
            row.put("to", e.toState() == null ? null : e.toState().name().toLowerCase());
            row.put("reply", e.smtpReply());
            row.put("detail", e.detail());
            events.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("campaign", summary.get("name"));
        page.put("campaignUrl", summary.get("url"));
        page.put("email", r.email());
        page.put("name", r.name());
        page.put("state", r.state().name().toLowerCase());
        page.put("messageId", r.messageId());
        page.put("events", events);
        page.put("replied", answers.replied() ? time.format(answers.repliedAt()) : null);
        page.put("autoReply", answers.autoReplied());
        page.put("bounced", answers.bounced() ? answers.bounceSummary() : null);
        page.put("asksUnsubscribe", answers.asksUnsubscribe());
        page.put("zone", zone);
        return render("recipient.mustache", page);
    }

    String message(String title, String text) {
        return render("message.mustache", Map.of("title", title, "text", text));
    }

    private String render(String template, Map<String, Object> scope) {
        Mustache mustache = templates.compile(template);
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.lettermerge.web;

import com.github.mustachejava.DefaultMustacheFactory;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.RecipientListing;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The dashboard's pages, rendered on the server from Mustache templates in the jar. Mustache escapes every
 * {{value}} for HTML, so a name such as {@code <img src=x onerror=alert(1)>} shows as written. The one triple brace
 * is the chart's SVG, made by the report's code, which escapes every label it writes. Times are shown in the
 * organizer's zone, with the zone named.
 */
final class Pages {

    /** Rows of the recipient table per page: a 100,000-recipient campaign opens as fast as a 10-recipient one. */
    static final int PAGE = 50;

    private final DefaultMustacheFactory templates = new DefaultMustacheFactory("org/lettermerge/web");
    private final ZoneId zone;
    private final DateTimeFormatter time;

    Pages(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    ZoneId zone() {
        return zone;
    }

    String time(Instant instant) {
        return instant == null ? null : time.format(instant);
    }

    /** One campaign as the campaigns page lists it and the live updates refresh it. */
    Map<String, Object> summary(int logIndex, DeliveryLog log, CampaignRecord c, Instant now) {
        return summary(logIndex, log, c, now, Responses.byRecipient(log.inbox().answering(c)));
    }

    /** As {@link #summary(int, DeliveryLog, CampaignRecord, Instant)}, with the answers the caller read already. */
    Map<String, Object> summary(int logIndex, DeliveryLog log, CampaignRecord c, Instant now,
                                Map<Long, Responses> answers) {
        Map<State, Integer> counts = log.counts(c);
        CampaignStatus status = CampaignStatus.of(log, c, counts, now);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int accepted = counts.getOrDefault(State.ACCEPTED, 0);
        String link = campaignLink(logIndex, c.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("url", "/campaign" + link);
        m.put("reportUrl", "/report" + link);
        m.put("csvUrl", "/status.csv" + link);
        m.put("jsonUrl", "/status.json" + link);
        m.put("followupUrl", "/followup" + link);
        m.put("state", status.state());
        m.put("detail", status.detail());
        m.put("accepted", accepted);
        m.put("total", total);
        m.put("percent", total == 0 ? 0 : accepted * 100 / total);
        m.put("next", time(status.next()));
        m.put("replied", answers.values().stream().filter(Responses::replied).count());
        m.put("bounced", answers.values().stream().filter(Responses::bounced).count());
        m.put("followupCount", log.followups().ofParent(c).size());
        m.put("paused", c.state() == CampaignState.PAUSED);
        m.put("active", c.state() == CampaignState.ACTIVE);
        m.put("cancellable", c.state() != CampaignState.CANCELLED && !status.state().equals("finished"));
        m.put("log", logIndex);
        m.put("counts", counts.entrySet().stream().map(e -> Map.of("state", e.getKey().name().toLowerCase(),
                "n", e.getValue())).toList());
        return m;
    }

    String campaigns(List<Map<String, Object>> campaigns, List<Map<String, Object>> logs, String formToken) {
        return render("campaigns.mustache", Map.of("campaigns", campaigns, "none", campaigns.isEmpty(),
                "zone", zone.getId(), "logs", logs, "csrf", formToken));
    }

    /** What waits for the organizer on a campaign's page. */
    record Decisions(List<StoredRecipient> unknown, List<StoredRecipient> failed, int failedCount,
                     List<StoredRecipient> bounced, Map<Long, Responses> answers, List<StoredRecipient> unsubscribe,
                     List<InboundMessage> unmatched) {
        boolean any() {
            return !unknown.isEmpty() || !failed.isEmpty() || !bounced.isEmpty() || !unsubscribe.isEmpty()
                    || !unmatched.isEmpty();
        }
    }

    /**
     * What the recipient table is narrowed to (a text in the name or address, a state, an answer; null for none) and
     * the order it is in.
     */
    record Filter(String search, String typed, State state, Answer answer, boolean reminded,
                  RecipientListing.Order order) {

        /** Whether the rows are chosen by what happened after the letter (few rows, read by id). */
        boolean byAnswer() {
            return answer != null || reminded;
        }

        /** This filter's query, for links that keep it: "&q=…&state=…" (the order apart). */
        String query() {
            return (typed == null ? "" : "&q=" + url(typed))
                    + (state == null ? "" : "&state=" + state.name().toLowerCase(Locale.ROOT))
                    + (answer == null ? "" : "&answer=" + answer.value())
                    + (reminded ? "&followup=reminded" : "");
        }
    }

    String campaign(Map<String, Object> summary, List<StoredRecipient> rows, Filter filter, Decisions decisions,
                    String formToken) {
        String search = filter.search();
        String base = "/recipient" + campaignLink((int) summary.get("log"), (String) summary.get("name")) + "&id=";
        List<Map<String, Object>> shown = new ArrayList<>();
        for (StoredRecipient r : rows) {
            Map<String, Object> row = person(r);
            row.put("state", r.state().name().toLowerCase());
            row.put("reply", r.smtpReply());
            row.put("last", time(r.lastAttemptAt()));
            row.put("url", base + r.id());
            shown.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>(summary);
        page.put("rows", shown);
        page.put("none", shown.isEmpty());
        page.put("search", filter.typed()); // as typed; the query uses it folded
        page.put("filtered", search != null || filter.state() != null || filter.byAnswer());
        page.put("reminded", filter.reminded());
        page.put("answers", Arrays.stream(Answer.values()).map(a -> Map.of("value", a.value(),
                "selected", a == filter.answer())).toList());
        page.put("states", Arrays.stream(State.values()).map(s -> Map.of("value", s.name().toLowerCase(),
                "selected", s == filter.state())).toList());
        page.put("decisions", decisions.any());
        page.put("unknown", decisions.unknown().stream().map(r -> {
            Map<String, Object> m = person(r);
            m.put("messageId", r.messageId());
            m.put("last", time(r.lastAttemptAt()));
            return m;
        }).toList());
        page.put("anyUnknown", !decisions.unknown().isEmpty());
        page.put("failed", decisions.failed().stream().map(r -> {
            Map<String, Object> m = person(r);
            m.put("reply", r.smtpReply());
            m.put("url", base + r.id());
            return m;
        }).toList());
        page.put("moreFailed", decisions.failedCount() > decisions.failed().size()
                ? decisions.failedCount() - decisions.failed().size() : null);
        page.put("bouncedRows", decisions.bounced().stream().map(r -> {
            Map<String, Object> m = person(r);
            m.put("why", decisions.answers().get(r.id()).bounceSummary());
            return m;
        }).toList());
        page.put("unsubscribe", decisions.unsubscribe().stream().map(this::person).toList());
        page.put("unmatched", decisions.unmatched().stream().map(m -> Map.of("from", m.from() == null ? "" : m.from(),
                "subject", m.subject() == null ? "" : m.subject(), "at", time(m.receivedAt()),
                "snippet", m.snippet() == null ? "" : m.snippet())).toList());
        page.put("campaignName", summary.get("name")); // a recipient's "name" shadows the campaign's in its section
        page.put("csrf", formToken);
        page.put("zone", zone.getId());
        String order = filter.order().name().toLowerCase(Locale.ROOT);
        page.put("sort", order);
        page.put("queueOrder", filter.order() == RecipientListing.Order.QUEUE);
        for (RecipientListing.Order o : RecipientListing.Order.values()) {
            String name = o.name().toLowerCase(Locale.ROOT);
            page.put("sortBy" + o.name(), summary.get("url") + filter.query() + "&sort=" + name);
            page.put("sorted" + o.name(), o == filter.order() ? "ascending" : "none");
        }
        if (rows.size() == PAGE) {
            StoredRecipient last = rows.get(rows.size() - 1);
            page.put("more", summary.get("url") + "&after=" + last.id() + filter.query() + "&sort=" + order
                    + "&key=" + url(filter.order().key(last)));
        }
        return render("campaign.mustache", page);
    }

    /** "?log=…&c=…": how every page and download of a campaign is addressed. */
    static String campaignLink(int logIndex, String campaign) {
        return "?log=" + logIndex + "&c=" + url(campaign);
    }

    /** A recipient's name (as the letter addressed them), address and row id, for any list of people. */
    private Map<String, Object> person(StoredRecipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("email", r.email());
        m.put("name", r.name() == null ? "" : r.name());
        return m;
    }

    String suppressions(int logIndex, String path, List<Map<String, Object>> entries, String formToken) {
        return render("suppressions.mustache", Map.of("log", logIndex, "path", path, "entries", entries,
                "none", entries.isEmpty(), "csrf", formToken, "zone", zone.getId()));
    }

    String signIn(boolean password) {
        return render("signin.mustache", Map.of("password", password));
    }

    String message(String title, String text) {
        return render("message.mustache", Map.of("title", title, "text", text));
    }

    String render(String template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        templates.compile(template).execute(out, scope);
        return out.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

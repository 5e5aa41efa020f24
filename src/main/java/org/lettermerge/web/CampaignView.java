package org.lettermerge.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lettermerge.followup.Responses;
import org.lettermerge.report.CampaignReport;
import org.lettermerge.status.FollowupsView;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.RecipientListing;
import org.lettermerge.store.SearchText;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * A campaign's page, read from its log opened read-only: its totals and chart, what needs the organizer's decision,
 * its follow-ups, and one page of the recipient table, narrowed by search and filters. Each part is read through
 * an index or from the few rows it concerns, so a 100,000-recipient campaign opens as fast as a small one.
 */
final class CampaignView {

    /** At most this many failed letters are listed among the decisions; the filter shows them all. */
    static final int FAILURES_SHOWN = 20;

    private final Logs logs;
    private final Pages pages;
    private final Clock clock;

    CampaignView(Logs logs, Pages pages, Clock clock) {
        this.logs = logs;
        this.pages = pages;
        this.clock = clock;
    }

    String page(Map<String, String> query, String formToken) {
        int index = logs.index(query);
        try (DeliveryLog log = logs.read(index)) {
            CampaignRecord c = Logs.campaign(log, query.get("c"));
            // Folded as each row's search text was when it was written: "LÉGER" finds "Léger".
            String typed = query.get("q") == null || query.get("q").isBlank() ? null : query.get("q").strip();
            Pages.Filter filter = new Pages.Filter(typed == null ? null : SearchText.fold(typed), typed,
                    Requests.state(query.get("state")),
                    Answer.parse(query.get("answer")), reminded(query.get("followup")), order(query.get("sort")));
            if (filter.byAnswer()) { // those few rows are read by id, in queue order
                filter = new Pages.Filter(filter.search(), typed, filter.state(), filter.answer(), filter.reminded(),
                        RecipientListing.Order.QUEUE);
            }
            Map<Long, Responses> answers = Responses.byRecipient(log.inbox().answering(c));
            List<StoredRecipient> rows = rows(log, c, filter, answers, query.getOrDefault("key", ""),
                    Requests.number(query.get("after")));
            Map<String, Object> summary = pages.summary(index, log, c, clock.instant(), answers);
            summary.put("chart", CampaignReport.chart(log, c, clock.instant(), pages.zone()));
            summary.put("followups", FollowupsView.of(log, c, clock.instant()).stream().map(f -> Map.of(
                    "name", f.name(), "who", f.who(), "state", f.status().state(), "counts", f.counts(),
                    "url", "/campaign" + Pages.campaignLink(index, f.name()))).toList());
            summary.put("canFollowUp", log.followups().of(c).isEmpty());
            return pages.campaign(summary, rows, filter, decisions(log, c, answers), formToken);
        }
    }

    private static List<StoredRecipient> rows(DeliveryLog log, CampaignRecord c, Pages.Filter filter,
                                              Map<Long, Responses> answers, String afterKey, long after) {
        if (!filter.byAnswer()) {
            return log.listing().page(c, filter.order(), afterKey, after, filter.search(), filter.state(), Pages.PAGE);
        }
        // The letters that got an answer or a reminder are few (one row each in the mail recorded, or in a
        // follow-up): page over their ids, in queue order.
        Set<Long> reminded = filter.reminded() ? log.followups().remindedRows(c) : null;
        List<Long> ids = (reminded != null ? reminded.stream() : answers.keySet().stream())
                .filter(id -> filter.answer() == null
                        || filter.answer().test(answers.getOrDefault(id, Responses.NONE)))
                .filter(id -> id > after).sorted().toList();
        List<StoredRecipient> found = new ArrayList<>();
        log.listing().byIds(c, ids, r -> {
            if (found.size() < Pages.PAGE && (filter.state() == null || r.state() == filter.state())
                    && (filter.search() == null || SearchText.matches(filter.search(), r.email(), r.name()))) {
                found.add(r);
            }
        });
        return found;
    }

    private static boolean reminded(String value) {
        if (value == null || value.isBlank() || value.equals("any")) {
            return false;
        }
        if (value.equals("reminded")) {
            return true;
        }
        throw new NotFound("There is no such filter.");
    }

    private static RecipientListing.Order order(String name) {
        RecipientListing.Order order = Requests.optional(name, RecipientListing.Order.class, null, "order");
        return order == null ? RecipientListing.Order.QUEUE : order;
    }

    /**
     * What waits for a person: letters whose outcome is unknown, letters that failed, bounces and replies asking to
     * unsubscribe whose address is not yet suppressed, and mail nobody could tie to a letter. Each is few.
     */
    private static Pages.Decisions decisions(DeliveryLog log, CampaignRecord c, Map<Long, Responses> answers) {
        List<StoredRecipient> unknown = new ArrayList<>();
        log.listing().inState(c, State.UNKNOWN, unknown::add);
        List<StoredRecipient> failed = new ArrayList<>();
        int[] failedCount = {0};
        log.listing().inState(c, State.FAILED, r -> {
            if (failedCount[0]++ < FAILURES_SHOWN) {
                failed.add(r);
            }
        });
        Set<String> suppressed = new HashSet<>(log.suppressions().byKey().keySet());
        List<StoredRecipient> unsubscribe = new ArrayList<>();
        List<StoredRecipient> bounced = new ArrayList<>();
        List<Long> answered = answers.entrySet().stream()
                .filter(e -> e.getValue().asksUnsubscribe() || e.getValue().bounced()).map(Map.Entry::getKey).toList();
        log.listing().byIds(c, answered, r -> {
            if (!suppressed.contains(r.emailKey())) {
                Responses a = answers.get(r.id());
                (a.asksUnsubscribe() ? unsubscribe : bounced).add(r);
            }
        });
        List<InboundMessage> unmatched = log.inbox().unmatched();
        return new Pages.Decisions(unknown, failed, failedCount[0], bounced, answers, unsubscribe, unmatched);
    }
}

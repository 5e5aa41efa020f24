package org.lettermerge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.LetterSizes;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.delivery.SendPlan;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.schedule.MessageSizeLimit;
import org.lettermerge.schedule.Pace;

/** How commands show a campaign and a plan to the user. */
final class Describe {

    private Describe() {}

    /**
     * @param sizes     the letters as measured, shown when measured
     * @param overrides the command line's server overrides, to say which endpoint they changed
     */
    static void campaign(PrintWriter out, PreparedCampaign p, LetterSizes sizes, Map<String, String> overrides) {
        Campaign c = p.campaign();
        out.println("Campaign " + c.name() + " (" + Problem.display(c.file()) + ")");
        out.println("  from:        " + c.sender().from().toUnicodeString());
        if (c.sender().replyTo() != null) {
            out.println("  reply to:    " + c.sender().replyTo().toUnicodeString());
        }
        if (c.sender().listUnsubscribe() != null) {
            out.println("  unsubscribe: mailto:" + c.sender().listUnsubscribe().getAddress());
        }
        if (c.sender().bounceAddress() != null) {
            out.println("  bounces to:  " + c.sender().bounceAddress().getAddress() + " (+ one token per letter)");
        }
        out.println("  template:    " + Problem.display(c.template())
                + (c.htmlTemplate() != null ? " + HTML " + Problem.display(c.htmlTemplate()) : ""));
        out.println("  recipients:  " + Problem.display(c.recipients()) + ": " + p.recipients().count()
                + " recipients" + (p.recipients().duplicates().isEmpty() ? ""
                : ", " + p.recipients().duplicates().size() + " duplicate rows"));
        out.println("  read as:     " + p.recipients().readAs());
        for (Map.Entry<String, Object> d : p.data().entrySet()) {
            out.println("  data:        " + d.getKey() + (d.getValue() instanceof List<?> l ? ": " + l.size() + " rows" : ""));
        }
        c.attachments().forEach(a -> out.println("  attachment:  " + Problem.display(a)));
        sizes(out, p, sizes);
        out.println("  server:      " + Endpoint.describe(c.smtp(), overrides));
        out.println("  log:         " + Problem.display(c.database()) + (Files.exists(c.database()) ? "" : " (new)"));
    }

    /** The letters as they will travel: attachments count encoded, as the provider and the server count them. */
    private static void sizes(PrintWriter out, PreparedCampaign p, LetterSizes sizes) {
        if (!sizes.measured()) {
            return;
        }
        MessageSizeLimit limit = p.campaign().smtp().pacing().messageSize();
        out.println("  sizes:       largest " + MessageSizeLimit.describe(sizes.largestBytes()) + " (to "
                + sizes.largestEmail() + "), " + MessageSizeLimit.describe(sizes.averageBytes()) + " on average, "
                + MessageSizeLimit.describe(sizes.totalBytes()) + " for all " + sizes.count() + " letters, encoded as sent"
                + (limit.isSet() ? "; " + limit.source() + " takes up to " + MessageSizeLimit.describe(limit.bytes()) : ""));
    }

    /** How many addresses a plan names before it counts the rest. */
    private static final int SHOWN = 10;

    static void plan(PrintWriter out, SendPlan plan, Campaign campaign) {
        out.println("Plan: " + plan.count() + " letter" + (plan.count() == 1 ? "" : "s") + " to send, "
                + plan.skipped().size() + " skipped");
        AccountLimits limits = campaign.smtp().pacing().limits();
        if (!limits.rate().isUnlimited() || limits.hasDailyCap()) {
            int days = Pace.daysNeeded(limits, plan.count());
            out.println("  pace: " + (limits.rate().isUnlimited() ? "no rate limit" : limits.rate())
                    + (limits.hasDailyCap() ? ", at most " + limits.dailyCap() + " in any 24 hours" : "")
                    + (campaign.smtp().pacing().connections() > 1
                            ? ", " + campaign.smtp().pacing().connections() + " connections" : "")
                    + ": the letters take " + (days <= 1 ? "less than a day" : days + " days")
                    + (campaign.schedule().window().isAlways() ? "" : " (more if the send window is short)"));
        }
        var schedule = campaign.schedule();
        if (!schedule.window().isAlways()) {
            out.println("  window: " + schedule.window() + " in each recipient's time zone (default "
                    + schedule.zone() + "); letters outside it wait");
        }
        List<String> now = new ArrayList<>();
        for (var r : plan.toSend()) {
            if (now.size() == SHOWN) {
                break;
            }
            now.add(r.email());
        }
        if (!now.isEmpty()) {
            out.println("  gets a letter now: " + String.join(", ", now)
                    + (plan.count() > now.size() ? " … and " + (plan.count() - now.size()) + " more" : ""));
        }
        plan.skipped().forEach(s -> out.println("  skipped " + s.email() + (s.line() > 0 ? " (line " + s.line() + ")" : "")
                + ": " + s.reason()));
    }
}

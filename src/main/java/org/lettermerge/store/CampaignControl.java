package org.lettermerge.store;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lettermerge.problems.Problem;

/**
 * Campaign-level decisions, each committed with its history line: when a campaign may start, pause, resume,
 * cancel. A pause or cancel is one committed UPDATE; from then on no claim for that campaign succeeds, in any
 * process, because claiming checks the campaign's state in the same statement.
 */
public final class CampaignControl {

    private final Statements sql;

    CampaignControl(Statements sql) {
        this.sql = sql;
    }

    public Optional<CampaignRecord> find(String name) {
        return sql.read("find campaign " + name, () -> {
            try (ResultSet rs = sql.query("find-campaign", name)) {
                return rs.next() ? Optional.of(Rows.campaign(rs, sql::fromJson)) : Optional.empty();
            }
        });
    }

    public List<CampaignRecord> all() {
        return sql.read("list campaigns", () -> {
            List<CampaignRecord> campaigns = new ArrayList<>();
            try (ResultSet rs = sql.query("list-campaigns")) {
                while (rs.next()) {
                    campaigns.add(Rows.campaign(rs, sql::fromJson));
                }
            }
            return campaigns;
        });
    }

    /**
     * Records when the campaign may start (null = now), the account whose budget it spends, and the command-line
     * overrides it was queued with, so a later `run` sends it exactly as `send` would have.
     */
    public void schedule(CampaignRecord campaign, Instant startAt, String account, Map<String, String> overrides) {
        sql.write("schedule " + campaign.name(), () -> {
            sql.execute("schedule-campaign", startAt, sql.toJson(overrides), account, campaign.id());
            if (startAt != null && !startAt.equals(campaign.scheduledAt())) {
                sql.insertEvent(campaign.id(), null, sql.now(), EventKind.SCHEDULED, null, null, null, null,
                        "not before " + startAt);
            }
            return null;
        });
    }

    /** Returns false when the campaign is cancelled (a cancel is final). */
    public boolean pause(CampaignRecord campaign, PauseKind kind, String reason, Instant resumeAt) {
        return sql.write("pause " + campaign.name(), () -> {
            if (sql.execute("pause-campaign", kind, reason, resumeAt, campaign.id()) != 1) {
                return false;
            }
            sql.insertEvent(campaign.id(), null, sql.now(), EventKind.PAUSED, null, null, null, null,
                    kind + ": " + reason + (resumeAt == null ? "" : "; resumes by itself at " + Problem.moment(resumeAt)));
            return true;
        });
    }

    /** Returns false when the campaign was not paused. */
    public boolean resume(CampaignRecord campaign, String why) {
        return sql.write("resume " + campaign.name(), () -> {
            if (sql.execute("resume-campaign", campaign.id()) != 1) {
                return false;
            }
            sql.insertEvent(campaign.id(), null, sql.now(), EventKind.RESUMED, null, null, null, null, why);
            return true;
        });
    }

    /** Returns false when it was already cancelled. */
    public boolean cancel(CampaignRecord campaign) {
        return sql.write("cancel " + campaign.name(), () -> {
            if (sql.execute("cancel-campaign", campaign.id()) != 1) {
                return false;
            }
            sql.insertEvent(campaign.id(), null, sql.now(), EventKind.CANCELLED, null, null, null, null,
                    "no letter of this campaign will be sent again");
            return true;
        });
    }

    /** The error budget's counter: consecutive permanent failures, reset by any accepted letter. */
    public void setConsecutiveFailures(CampaignRecord campaign, int failures) {
        sql.write("count failures", () -> sql.execute("set-failures", failures, campaign.id()));
    }

    /** How many of its rows are claimed right now (a pause waits for these to settle). */
    public int sending(CampaignRecord campaign) {
        return sql.read("count letters in flight", () -> {
            try (ResultSet rs = sql.query("sending-count", campaign.id())) {
                return rs.getInt(1);
            }
        });
    }
}

package org.lettermerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sending budgets per SMTP account, kept in the log so that every connection and every process spends the same
 * budget and a restart does not reset it: the configured rate and daily cap, when the last slot was taken, and
 * every slot of the last 24 hours (what a rolling daily cap counts).
 */
public final class AccountBudgets {

    private static final Duration DAY = Duration.ofHours(24);

    private final Statements sql;

    AccountBudgets(Statements sql) {
        this.sql = sql;
    }

    /** What an account has spent: its limits as configured, how often they were tightened, recent slots. */
    public record Usage(String rate, int dailyCap, int tightened, Instant lastSlot, List<Instant> lastDay) {
        public Usage {
            lastDay = List.copyOf(lastDay);
        }
    }

    /** Creates the account's budget, or updates its limits (the slots already taken stay counted). */
    public void configure(String account, String rate, int dailyCap) {
        sql.write("configure account " + account, () -> sql.execute("upsert-account", account, rate, dailyCap));
    }

    public Optional<Usage> usage(String account, Instant now) {
        return sql.read("read the account budget", () -> {
            try (ResultSet rs = sql.query("account", account)) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String rate = rs.getString("rate");
                int cap = rs.getInt("daily_cap");
                int tightened = rs.getInt("tightened");
                Instant last = Timestamps.parse(rs.getString("last_slot_at"));
                List<Instant> day = new ArrayList<>();
                try (ResultSet at = sql.query("account-sends", account, now.minus(DAY))) {
                    while (at.next()) {
                        day.add(Timestamps.parse(at.getString(1)));
                    }
                }
                return Optional.of(new Usage(rate, cap, tightened, last, day));
            }
        });
    }

    /** Halves the account's pace after a throttling reply (the count is applied by the scheduler). */
    public void tighten(String account, long campaignId, String reply) {
        sql.write("tighten the pace of " + account, () -> {
            sql.execute("tighten-account", account);
            sql.insertEvent(campaignId, null, sql.now(), EventKind.PACE_TIGHTENED, null, null, null, reply,
                    "account " + account);
            return null;
        });
    }

    /** Part of a claim's transaction: the slot is spent together with the row moving to SENDING. */
    void takeSlot(String account, String now) throws SQLException {
        sql.execute("take-slot", now, account);
        sql.execute("record-slot", account, now);
        sql.execute("prune-slots", account, Timestamps.format(Timestamps.parse(now).minus(DAY)));
    }
}

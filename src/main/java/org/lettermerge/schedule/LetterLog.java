package org.lettermerge.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lettermerge.store.AccountBudgets;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.StoredRecipient;

/**
 * All the scheduler reads from and writes to the delivery log: the campaigns, their due letters, each letter's
 * claim, handoff and outcome, pauses, and the accounts' budgets. Every write is made when it happens; the log
 * may commit several in one transaction (store/GroupCommit).
 */
interface LetterLog {

    List<CampaignRecord> campaigns();

    List<StoredRecipient> dueRows(CampaignRecord campaign, Instant now, int limit);

    int dueCount(CampaignRecord campaign, Instant now);

    Optional<Instant> nextRetry(CampaignRecord campaign);

    boolean anyAttempted(CampaignRecord campaign);

    /** Letters it can send now, or deferred ones it will retry. */
    default boolean lettersLeft(CampaignRecord campaign, Instant now) {
        return dueCount(campaign, now) > 0 || nextRetry(campaign).isPresent();
    }

    /** The Message-ID a reminder answers, or null. */
    String threadOf(long rowId);

    /**
     * QUEUED/DEFERRED → SENDING, before any SMTP command for the letter, spending a slot of {@code account}'s
     * budget (null: an unlimited account). False when the letter is no longer sendable, or its campaign is no
     * longer at {@code version}, the one its letters are being made from.
     */
    boolean claim(StoredRecipient row, long campaignId, String account, int version);

    /** Synced to disk before the final "." is sent. */
    void recordHandoff(long campaignId, long rowId);

    /**
     * Handed to the log when the outcome is known, and committed within 2 ms (with the next letter's claim, when that
     * comes first); it reaches the disk with the next letter's handoff, or at {@link #sync}. A crash in between
     * leaves the row handed off but unsettled, and recovery makes it UNKNOWN, never QUEUED. If it cannot be written,
     * the next claim fails.
     */
    void recordOutcome(DeliveryLog.Outcome outcome);

    /** Puts everything committed so far on disk: before a wait and at the end of a run. */
    void sync();

    boolean pause(CampaignRecord campaign, PauseKind kind, String reason, Instant resumeAt);

    void resume(CampaignRecord campaign, String why);

    void setConsecutiveFailures(CampaignRecord campaign, int failures);

    Optional<AccountBudgets.Usage> usage(String account, Instant now);

    void configure(String account, String rate, int dailyCap);

    void tighten(String account, long campaignId, String reply);

    /** The scheduler's view of a delivery log. */
    static LetterLog of(DeliveryLog log) {
        return new LetterLog() {
            @Override public List<CampaignRecord> campaigns() { return log.control().all(); }
            @Override public List<StoredRecipient> dueRows(CampaignRecord c, Instant now, int limit) {
                return log.dueRows(c, now, limit);
            }
            @Override public int dueCount(CampaignRecord c, Instant now) { return log.dueCount(c, now); }
            @Override public Optional<Instant> nextRetry(CampaignRecord c) { return log.nextRetry(c); }
            @Override public boolean anyAttempted(CampaignRecord c) { return log.anyAttempted(c); }
            @Override public String threadOf(long rowId) { return log.followups().threadOf(rowId); }
            @Override public boolean claim(StoredRecipient row, long campaignId, String account, int version) {
                return log.claim(row, campaignId, account, version);
            }
            @Override public void recordHandoff(long campaignId, long rowId) { log.recordHandoff(campaignId, rowId); }
            @Override public void recordOutcome(DeliveryLog.Outcome outcome) { log.handOutcome(outcome); }
            @Override public void sync() { log.sync(); }
            @Override public boolean pause(CampaignRecord c, PauseKind kind, String reason, Instant resumeAt) {
                return log.control().pause(c, kind, reason, resumeAt);
            }
            @Override public void resume(CampaignRecord c, String why) { log.control().resume(c, why); }
            @Override public void setConsecutiveFailures(CampaignRecord c, int failures) {
                log.control().setConsecutiveFailures(c, failures);
            }
            @Override public Optional<AccountBudgets.Usage> usage(String account, Instant now) {
                return log.budgets().usage(account, now);
            }
            @Override public void configure(String account, String rate, int dailyCap) {
                log.budgets().configure(account, rate, dailyCap);
            }
            @Override public void tighten(String account, long campaignId, String reply) {
                log.budgets().tighten(account, campaignId, reply);
            }
        };
    }
}

package org.lettermerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.AccountBudgets;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/** The scheduler's decisions from plain values: no log, no server, no clock but a fixed instant. */
class NextStepTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final StoredRecipient LETTER = letter(1, "a@example.org");

    // --- what to do next -------------------------------------------------------------------------------------------

    @Test
    void a_due_letter_whose_account_has_a_slot_now_is_sent() {
        CampaignRecord c = active(1, null);

        Decision d = NextStep.next(List.of(c), x -> Known.ready(LETTER, new AccountSlot(NOW, false)), NOW);

        assertThat(d).isEqualTo(new Decision.Send(c, LETTER));
    }

    @Test
    void the_rate_holds_the_letter_until_its_slot_and_the_run_waits_for_it() {
        Instant slot = NOW.plusSeconds(2);

        Decision d = NextStep.next(List.of(active(1, null)), x -> Known.ready(LETTER, new AccountSlot(slot, false)), NOW);

        assertThat(d).isEqualTo(new Decision.Wait(slot, true));
    }

    @Test
    void a_daily_cap_says_when_the_next_letter_can_go_and_a_run_of_what_can_go_now_ends() {
        Instant tomorrow = NOW.plus(Duration.ofHours(20));

        Decision d = NextStep.next(List.of(active(1, null)), x -> Known.ready(LETTER, new AccountSlot(tomorrow, true)),
                NOW);

        assertThat(d).isEqualTo(new Decision.Wait(tomorrow, false));
    }

    @Test
    void a_closed_send_window_waits_for_its_opening_not_for_the_pace() {
        Instant opens = NOW.plus(Duration.ofHours(3));

        Decision d = NextStep.next(List.of(active(1, null)), x -> Known.due(new CampaignFacts.Due(null, opens)), NOW);

        assertThat(d).isEqualTo(new Decision.Wait(opens, false));
    }

    @Test
    void a_deferred_letter_waits_for_its_retry_time() {
        Instant retry = NOW.plus(Duration.ofMinutes(15));

        Decision d = NextStep.next(List.of(active(1, null)), x -> Known.due(new CampaignFacts.Due(null, retry)), NOW);

        assertThat(d).isEqualTo(new Decision.Wait(retry, false));
    }

    @Test
    void the_run_waits_for_the_earliest_of_all_campaigns() {
        CampaignRecord later = active(1, NOW.plusSeconds(600));
        CampaignRecord sooner = active(2, NOW.plusSeconds(60));

        assertThat(NextStep.next(List.of(later, sooner), x -> Known.NOTHING, NOW))
                .isEqualTo(new Decision.Wait(NOW.plusSeconds(60), false));
    }

    @Test
    void one_campaign_waiting_for_its_pace_does_not_hold_back_another_that_can_send_now() {
        CampaignRecord paced = active(1, null);
        CampaignRecord free = active(2, null);
        StoredRecipient other = letter(2, "b@example.org");

        Decision d = NextStep.next(List.of(paced, free), c -> c == paced
                ? Known.ready(LETTER, new AccountSlot(NOW.plusSeconds(2), false))
                : Known.ready(other, new AccountSlot(NOW, false)), NOW);

        assertThat(d).isEqualTo(new Decision.Send(free, other));
    }

    @Test
    void nothing_pending_anywhere_is_a_wait_without_end() {
        CampaignRecord finished = active(1, null);

        assertThat(NextStep.next(List.of(finished), x -> Known.NOTHING, NOW)).isEqualTo(new Decision.Wait(null, false));
    }

    @Test
    void a_campaign_with_nothing_left_is_not_read_from_its_files() {
        Known asked = Known.NOTHING.recording();

        NextStep.next(List.of(active(1, null)), x -> asked, NOW);

        assertThat(asked.questions).containsExactly("lettersLeft");
    }

    @Test
    void cancelled_and_manually_paused_campaigns_are_left_alone() {
        CampaignRecord cancelled = record(1, CampaignState.CANCELLED, null, null, null);
        CampaignRecord paused = record(2, CampaignState.PAUSED, null, PauseKind.MANUAL, null);
        Known asked = Known.ready(LETTER, new AccountSlot(NOW, false)).recording();

        assertThat(NextStep.next(List.of(cancelled, paused), x -> asked, NOW)).isEqualTo(new Decision.Wait(null, false));
        assertThat(asked.questions).isEmpty();
    }

    @Test
    void files_changed_since_queuing_pause_the_campaign() {
        CampaignRecord c = active(1, null);

        Decision d = NextStep.next(List.of(c), x -> Known.ready(LETTER, new AccountSlot(NOW, false))
                .withProblem("its files changed since version 1 was queued"), NOW);

        assertThat(d).isEqualTo(new Decision.Pause(c, PauseKind.CHANGED, "its files changed since version 1 was queued"));
    }

    // --- auto-resume -----------------------------------------------------------------------------------------------

    @Test
    void a_throttling_pause_resumes_by_itself_when_its_time_comes() {
        CampaignRecord c = record(1, CampaignState.PAUSED, null, PauseKind.THROTTLE, NOW.minusSeconds(1));

        assertThat(NextStep.next(List.of(c), x -> Known.NOTHING, NOW)).isInstanceOf(Decision.Resume.class);
    }

    @Test
    void before_its_time_a_throttling_pause_is_a_wait_until_then() {
        Instant resumeAt = NOW.plus(Duration.ofMinutes(10));
        CampaignRecord c = record(1, CampaignState.PAUSED, null, PauseKind.THROTTLE, resumeAt);

        assertThat(NextStep.next(List.of(c), x -> Known.NOTHING, NOW)).isEqualTo(new Decision.Wait(resumeAt, false));
    }

    @Test
    void an_error_budget_pause_never_resumes_by_itself() {
        CampaignRecord c = record(1, CampaignState.PAUSED, null, PauseKind.ERROR_BUDGET, NOW.minusSeconds(1));

        assertThat(NextStep.next(List.of(c), x -> Known.NOTHING, NOW)).isEqualTo(new Decision.Wait(null, false));
    }

    // --- missed starts ---------------------------------------------------------------------------------------------

    @Test
    void a_start_missed_by_more_than_the_grace_period_pauses_instead_of_sending_late() {
        CampaignRecord c = active(1, NOW.minus(Duration.ofHours(30)));

        Decision d = NextStep.next(List.of(c), x -> Known.ready(LETTER, new AccountSlot(NOW, false)), NOW);

        assertThat(d).isInstanceOf(Decision.Pause.class);
        assertThat(((Decision.Pause) d).kind()).isEqualTo(PauseKind.MISSED);
        assertThat(((Decision.Pause) d).reason()).contains("lettermerge resume");
    }

    @Test
    void a_start_within_the_grace_period_sends() {
        CampaignRecord c = active(1, NOW.minus(Duration.ofMinutes(10)));

        Decision d = NextStep.next(List.of(c), x -> Known.ready(LETTER, new AccountSlot(NOW, false)), NOW);

        assertThat(d).isEqualTo(new Decision.Send(c, LETTER));
    }

    @Test
    void a_campaign_already_under_way_is_never_a_missed_start() {
        CampaignRecord c = active(1, NOW.minus(Duration.ofHours(30)));

        Decision d = NextStep.next(List.of(c), x -> Known.ready(LETTER, new AccountSlot(NOW, false)).attempted(), NOW);

        assertThat(d).isEqualTo(new Decision.Send(c, LETTER));
    }

    // --- after a letter --------------------------------------------------------------------------------------------

    @Test
    void throttling_pauses_for_fifteen_minutes_and_tightens_the_pace() {
        CampaignRecord c = active(1, null);
        var refused = new SendOutcome.ServerRefused(451, "451 4.7.1 rate limit exceeded", false);

        Decision.Pause p = NextStep.afterLetter(c, State.QUEUED, refused, 0, 5, () -> true, NOW).orElseThrow();

        assertThat(p.kind()).isEqualTo(PauseKind.THROTTLE);
        assertThat(p.resumeAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(p.tightenPace()).isTrue();
    }

    @Test
    void a_refused_login_waits_for_the_organizer() {
        var refused = new SendOutcome.ServerRefused(535, "535 5.7.8 authentication failed", false);

        Decision.Pause p = NextStep.afterLetter(active(1, null), State.QUEUED, refused, 0, 5, () -> true, NOW)
                .orElseThrow();

        assertThat(p.kind()).isEqualTo(PauseKind.SERVER);
        assertThat(p.resumeAt()).isNull();
        assertThat(p.tightenPace()).isFalse();
    }

    @Test
    void the_error_budget_pauses_after_n_permanent_failures_in_a_row() {
        Decision.Pause p = NextStep.afterLetter(active(1, null), State.FAILED, null, 5, 5, () -> true, NOW)
                .orElseThrow();

        assertThat(p.kind()).isEqualTo(PauseKind.ERROR_BUDGET);
        assertThat(p.reason()).startsWith("5 letters in a row failed permanently");
    }

    @Test
    void below_the_error_budget_the_campaign_goes_on() {
        assertThat(NextStep.afterLetter(active(1, null), State.FAILED, null, 4, 5, () -> true, NOW)).isEmpty();
    }

    @Test
    void a_campaign_whose_last_letters_failed_finishes_instead_of_pausing() {
        assertThat(NextStep.afterLetter(active(1, null), State.FAILED, null, 5, 5, () -> false, NOW)).isEmpty();
    }

    @Test
    void without_an_error_budget_failures_never_pause_and_the_log_is_not_asked() {
        BooleanSupplier mustNotBeAsked = () -> {
            throw new AssertionError("asked whether letters are left");
        };

        assertThat(NextStep.afterLetter(active(1, null), State.FAILED, null, 50, 0, mustNotBeAsked, NOW)).isEmpty();
        assertThat(NextStep.afterLetter(active(1, null), State.ACCEPTED, null, 0, 5, mustNotBeAsked, NOW)).isEmpty();
    }

    @Test
    void a_server_that_cannot_be_reached_pauses_for_a_while_and_a_tls_failure_until_resumed() {
        CampaignRecord c = active(1, null);
        var refusedConnection = new ServerUnavailableException(ServerUnavailableException.Reason.CONNECTION_REFUSED,
                "cannot connect to smtp.example.org:587", null);
        var badCertificate = new ServerUnavailableException(ServerUnavailableException.Reason.TLS_HANDSHAKE,
                "the certificate of smtp.example.org is not trusted", null);

        assertThat(NextStep.unreachable(c, refusedConnection, NOW).kind()).isEqualTo(PauseKind.UNREACHABLE);
        assertThat(NextStep.unreachable(c, refusedConnection, NOW).resumeAt()).isEqualTo(NOW.plus(PushBack.WAIT));
        assertThat(NextStep.unreachable(c, badCertificate, NOW).kind()).isEqualTo(PauseKind.SERVER);
        assertThat(NextStep.unreachable(c, badCertificate, NOW).resumeAt()).isNull();
    }

    // --- the account's budget --------------------------------------------------------------------------------------

    @Test
    void a_full_daily_cap_gives_the_slot_when_the_oldest_letter_of_the_last_day_turns_a_day_old() {
        AccountLimits fivePerDay = new AccountLimits(Rate.parse("unlimited"), 5);
        List<Instant> sent = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            sent.add(NOW.minus(Duration.ofHours(i)));
        }
        var usage = new AccountBudgets.Usage("unlimited", 5, 0, sent.get(4), sent);

        AccountSlot slot = AccountSlot.of(fivePerDay, usage, NOW);

        assertThat(slot.at()).isEqualTo(sent.get(0).plus(Duration.ofHours(24)));
        assertThat(slot.capped()).isTrue();
    }

    @Test
    void under_the_cap_the_rate_decides_and_it_is_only_pacing() {
        AccountLimits limits = new AccountLimits(Rate.parse("30/min"), 100);
        Instant last = NOW.minusMillis(500);
        var usage = new AccountBudgets.Usage("30/min", 100, 0, last, List.of(last));

        AccountSlot slot = AccountSlot.of(limits, usage, NOW);

        assertThat(slot).isEqualTo(new AccountSlot(last.plusSeconds(2), false));
    }

    // --- plain values ----------------------------------------------------------------------------------------------

    private static CampaignRecord active(long id, Instant scheduledAt) {
        return record(id, CampaignState.ACTIVE, scheduledAt, null, null);
    }

    private static CampaignRecord record(long id, CampaignState state, Instant scheduledAt, PauseKind kind,
                                         Instant resumeAt) {
        return new CampaignRecord(id, "campaign " + id, "campaign.yaml", 1, NOW.minus(Duration.ofDays(2)), state,
                scheduledAt, kind, kind == null ? null : "why", resumeAt, 0, "account", Map.of());
    }

    private static StoredRecipient letter(long id, String email) {
        return new StoredRecipient(id, email, email, "Name", Map.of(), "hash", 2, State.QUEUED, 0, "<" + id + "@x>",
                null, null, NOW, null, NOW, null, null, null, null, null, null);
    }

    /** A campaign's facts as plain values; {@link #recording} notes which were asked for. */
    private static final class Known implements CampaignFacts {
        static final Known NOTHING = new Known(false, null, false, new Due(null, null), null);

        final boolean left;
        final String problem;
        final boolean attempted;
        final Due due;
        final AccountSlot slot;
        final List<String> questions = new ArrayList<>();

        Known(boolean left, String problem, boolean attempted, Due due, AccountSlot slot) {
            this.left = left;
            this.problem = problem;
            this.attempted = attempted;
            this.due = due;
            this.slot = slot;
        }

        static Known ready(StoredRecipient letter, AccountSlot slot) {
            return new Known(true, null, false, new Due(letter, null), slot);
        }

        static Known due(Due due) {
            return new Known(true, null, false, due, null);
        }

        Known withProblem(String why) {
            return new Known(left, why, attempted, due, slot);
        }

        Known attempted() {
            return new Known(left, problem, true, due, slot);
        }

        Known recording() {
            return new Known(left, problem, attempted, due, slot);
        }

        @Override
        public boolean lettersLeft() {
            questions.add("lettersLeft");
            return left;
        }

        @Override
        public String loadProblem() {
            questions.add("loadProblem");
            return problem;
        }

        @Override
        public Duration missedGrace() {
            return Duration.ofHours(12);
        }

        @Override
        public boolean everAttempted() {
            return attempted;
        }

        @Override
        public Due due() {
            return due;
        }

        @Override
        public AccountSlot slot() {
            return slot;
        }
    }
}

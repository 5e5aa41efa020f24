package org.lettermerge.schedule;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.smtp.HandoffFailedException;
import org.lettermerge.smtp.Mailer;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * One claimed letter: render → SMTP, with the handoff synced to disk just before the final "." → its outcome
 * (with the next retry for a deferred letter) written to the log as soon as it is known.
 */
final class LetterSender {

    /** What became of one letter, as written to the log; {@code refused} is set when the server's reply was about us. */
    record Sent(String reply, SendOutcome.ServerRefused refused, DeliveryLog.Outcome outcome) {
        State state() {
            return outcome.to();
        }
    }

    private final LetterLog log;
    private final Clock clock;

    LetterSender(LetterLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Sends a claimed row on worker {@code worker}'s connection.
     *
     * @throws ServerUnavailableException when the server cannot be reached; the row is back in the queue
     */
    Sent transmit(CampaignRecord campaign, LiveCampaign live, StoredRecipient row, int worker) {
        // Rendered from the row as the log queued it: the accepted version, not whatever the CSV says now.
        Recipient recipient = new Recipient(live.prepared.campaign().recipients(), row.line(), row.email(), row.fields());
        SendOutcome outcome;
        try {
            // Connecting (on first use) or reconnecting (inside send) may find the server gone: either way the
            // letter did not leave, and goes back to the queue.
            Mailer client = live.client(worker);
            MimeMessage message = live.messages.build(live.prepared.render(recipient), row.email(), row.messageId(),
                    client.acceptsEightBit() ? MessageFactory.BodyEncoding.EIGHT_BIT_ALLOWED
                            : MessageFactory.BodyEncoding.SEVEN_BIT, thread(row));
            outcome = client.send(message, envelope(row), () -> log.recordHandoff(campaign.id(), row.id()));
        } catch (ServerUnavailableException e) {
            log.recordOutcome(new DeliveryLog.Outcome(campaign.id(), row.id(), State.QUEUED, null, null,
                    "not sent: " + e.getMessage(), null));
            throw e;
        } catch (HandoffFailedException e) {
            // The final "." was never sent; the row stays SENDING without a handoff and recovery queues it again.
            throw new DeliveryLogException("stopped: the delivery log could not record the handoff of the letter to "
                    + row.email() + " (" + e.getCause().getMessage() + "); it was not sent", e);
        }
        live.sent(worker);
        Sent sent = settle(campaign, live, row, outcome);
        log.recordOutcome(sent.outcome());
        return sent;
    }

    private Sent settle(CampaignRecord campaign, LiveCampaign live, StoredRecipient row, SendOutcome outcome) {
        Settled settled = Settled.of(outcome);
        Instant now = clock.instant();
        Instant retryAt = null;
        State state = settled.state();
        String detail = settled.detail();
        String reply = settled.reply();
        if (state == State.DEFERRED) {
            Backoff backoff = live.prepared.campaign().schedule().retry();
            Instant first = row.firstAttemptAt() != null ? row.firstAttemptAt() : now;
            if (backoff.expired(first, now)) {
                state = State.FAILED;
                detail = Backoff.EXPIRED_REPLY + " (kept trying since " + first + ")";
                // The reason it failed is ours, not the server's "try again later": status shows the reply column.
                reply = detail + (reply == null ? "" : "; the server's last reply: " + reply);
            } else {
                retryAt = backoff.nextAttempt(row.attempts() + 1, now);
            }
        }
        return new Sent(reply != null ? reply : detail, outcome instanceof SendOutcome.ServerRefused r ? r : null,
                new DeliveryLog.Outcome(campaign.id(), row.id(), state, settled.code(), reply, detail, retryAt));
    }

    /** A reminder answers its parent letter: the thread is that letter's Message-ID. */
    private List<String> thread(StoredRecipient row) {
        if (row.parentId() == null) {
            return List.of();
        }
        String parent = log.threadOf(row.id());
        return parent == null ? List.of() : List.of(parent);
    }

    private static InternetAddress envelope(StoredRecipient row) {
        try {
            return new InternetAddress(row.email(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("an address in the log no longer parses: " + row.email(), e);
        }
    }
}

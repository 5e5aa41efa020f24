package org.lettermerge.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.smtp.HandoffFailedException;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.smtp.SmtpClient;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The send loop: for each pending row, render → claim (committed as SENDING) → SMTP, with the handoff committed
 * just before the final "." → outcome committed. One recipient's failure never stops the run; a failure of the
 * server itself does, leaving every unsent row QUEUED; a failure of the log stops everything at once.
 */
public final class Dispatcher {

    private final DeliveryLog log;
    private final CampaignRecord campaign;
    private final PreparedCampaign prepared;
    private final MessageFactory messages;
    private final SmtpClient smtp;
    private final Clock clock;

    public Dispatcher(DeliveryLog log, CampaignRecord campaign, PreparedCampaign prepared, MessageFactory messages,
                      SmtpClient smtp, Clock clock) {
        this.log = log;
        this.campaign = campaign;
        this.prepared = prepared;
        this.messages = messages;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** Sends each pending row at most once in this run, in queue order. */
    public SendReport run(List<StoredRecipient> pending, Progress progress, StopSignal stop) {
        Instant start = clock.instant();
        Map<State, Integer> outcomes = SendReport.emptyCounts();
        progress.started(pending.size());
        int done = 0;
        for (StoredRecipient row : pending) {
            if (stop.isRequested()) {
                return report(outcomes, pending.size(), start, "interrupted; the letter in flight was settled", false);
            }
            // Rendered from the row as the log queued it: the accepted version, not whatever the CSV says now.
            Recipient recipient = new Recipient(prepared.campaign().recipients(), row.line(), row.email(), row.fields());
            MimeMessage message = messages.build(prepared.render(recipient), row.email(), row.messageId());
            if (!log.claim(row, campaign.id())) {
                continue;
            }
            SendOutcome outcome;
            try {
                outcome = smtp.send(message, envelope(row), () -> log.recordHandoff(campaign.id(), row.id()));
            } catch (ServerUnavailableException e) {
                settle(row, State.QUEUED, null, null, "not sent: " + e.getMessage());
                return report(outcomes, pending.size(), start, e.getMessage(), true);
            } catch (HandoffFailedException e) {
                // The final "." was never sent; the row stays SENDING without a handoff and a later run queues it again.
                throw new DeliveryLogException("stopped: the delivery log could not record the handoff of the letter to "
                        + row.email() + " (" + e.getCause().getMessage() + "); it was not sent", e);
            }
            Settled settled = Settled.of(outcome);
            settle(row, settled.state(), settled.code(), settled.reply(), settled.detail());
            outcomes.merge(settled.state(), 1, Integer::sum);
            done++;
            progress.settled(row, settled.state(), settled.reply() != null ? settled.reply() : settled.detail(), done,
                    pending.size());
            if (outcome instanceof SendOutcome.ServerRefused refused) {
                return report(outcomes, pending.size(), start, "the server refused us: " + refused.reply(), true);
            }
        }
        return report(outcomes, pending.size(), start, null, false);
    }

    private void settle(StoredRecipient row, State state, Integer code, String reply, String detail) {
        log.recordOutcome(campaign.id(), row.id(), state, code, reply, detail);
    }

    private static InternetAddress envelope(StoredRecipient row) {
        try {
            return new InternetAddress(row.email(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("an address in the log no longer parses: " + row.email(), e);
        }
    }

    private SendReport report(Map<State, Integer> outcomes, int planned, Instant start, String stopped,
                              boolean serverProblem) {
        return new SendReport(outcomes, planned, Duration.between(start, clock.instant()), stopped, serverProblem);
    }
}

package org.lettermerge.followup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lettermerge.campaign.MailboxSettings;
import org.lettermerge.smtp.Credentials;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.Inbox;
import org.lettermerge.store.RecipientRef;
import org.lettermerge.store.Suppressions;

/**
 * Reads the mailbox once: each message is matched to the letter it is about, classified and recorded (once: a
 * second reading finds it recorded and records nothing). Matched messages are then moved to move_to when set;
 * unmatched ones stay where a person will look for them.
 */
public final class InboxReader {

    private final DeliveryLog log;
    private final Clock clock;

    public InboxReader(DeliveryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param subjects the subject each letter went out with, to match replies that lost their threading headers
     */
    public InboxReport read(MailboxSettings settings, Credentials credentials, CampaignRecord campaign,
                            LetterSubjects subjects) {
        Matching matching = new Matching(log.inbox(), campaign, subjects);
        List<InboundMessage> recorded = new ArrayList<>();
        Map<InboundKind, Integer> counts = new EnumMap<>(InboundKind.class);
        List<Message> processed = new ArrayList<>();
        int known = 0;
        try (ImapMailbox mailbox = ImapMailbox.open(settings, credentials)) {
            long validity = mailbox.uidValidity();
            // Only what is new since the last reading; everything again when the folder's UIDs were renumbered.
            long after = log.inbox().readingPosition(mailbox.key()).filter(p -> p.uidValidity() == validity)
                    .map(Inbox.ReadingPosition::lastUid).orElse(0L);
            long last = after;
            for (Message message : mailbox.messagesAfter(after)) {
                last = Math.max(last, mailbox.uid(message));
                IncomingMail mail = parse(message);
                Optional<InboundKind> before = log.inbox().kindOf(mail.key());
                if (before.isPresent()) {
                    known++;
                    if (before.get() != InboundKind.UNMATCHED) {
                        processed.add(message);
                    }
                    continue;
                }
                InboundMessage m = record(mail, matching.find(mail).orElse(null));
                if (log.inbox().record(m)) {
                    recorded.add(m);
                    counts.merge(m.kind(), 1, Integer::sum);
                    suppressIfHardBounce(settings, m);
                }
                if (m.kind() != InboundKind.UNMATCHED) {
                    processed.add(message);
                }
            }
            mailbox.moveProcessed(processed);
            // After the messages are recorded: a reading cut short is read again, and recorded messages are known.
            log.inbox().saveReadingPosition(mailbox.key(), new Inbox.ReadingPosition(validity, last));
            return new InboxReport(mailbox.description(), recorded, counts, known,
                    settings.moveTo() == null ? 0 : processed.size());
        } catch (MessagingException e) {
            throw new ServerUnavailableException(ServerUnavailableException.Reason.OTHER, "reading the mailbox "
                    + settings.folder() + " at " + settings.host() + ":" + settings.port() + " failed: "
                    + e.getMessage() + ". What was read before is recorded; run inbox again to continue.", e);
        }
    }

    /**
     * A hard bounce (5.x.x) means the address does not work: it goes on the suppression list, so no campaign in
     * this log writes to it again (mailbox.suppress_hard_bounces: false turns this off). Reversible with
     * `suppress remove`.
     */
    private void suppressIfHardBounce(MailboxSettings settings, InboundMessage m) {
        if (settings.suppressHardBounces() && m.isHardBounce() && m.recipient() != null) {
            log.suppressions().add(m.recipient().email(), "hard bounce " + m.dsnStatus() + " (" + m.key() + ")",
                    Suppressions.Source.BOUNCE, "lettermerge inbox");
        }
    }

    /** A message whose body cannot be parsed is still kept (unmatched, for a person), never dropped. */
    private IncomingMail parse(Message message) throws MessagingException {
        try {
            return MailParser.parse(message, clock.instant());
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof jakarta.mail.FolderClosedException || e instanceof jakarta.mail.StoreClosedException) {
                throw (MessagingException) e;
            }
            return MailParser.unreadable(message, clock.instant(), e);
        }
    }

    private static InboundMessage record(IncomingMail mail, Matching.Match match) {
        InboundKind kind = Classification.of(mail, match != null);
        DeliveryReport report = mail.report();
        RecipientRef recipient = match == null ? null : match.recipient();
        return new InboundMessage(mail.key(), kind, mail.receivedAt(), mail.from(), mail.subject(), mail.snippet(),
                report == null ? null : report.action(), report == null ? null : report.status(),
                match == null ? null : match.by(), recipient, Classification.asksUnsubscribe(mail, kind),
                report == null || kind != InboundKind.BOUNCED ? null : report.reason());
    }
}

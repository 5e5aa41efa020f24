package org.lettermerge.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lettermerge.message.BounceToken;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.Inbox;
import org.lettermerge.store.RecipientRef;

/**
 * Finds the letter an incoming message is about. The VERP token first: a message delivered to bounces+TOKEN@domain
 * came back to one letter's own envelope sender, which names the row even when the bounce quotes nothing. Then
 * Message-IDs (ours are unique, so they cannot name the wrong row): a bounce's returned Message-ID, then
 * In-Reply-To, then References newest first. For a message that is not a bounce and lost its threading headers,
 * the sender's address and the letter's subject behind a reply prefix. Addresses alone only for bounces,
 * and only within the campaign being read: Final-Recipient may differ from the address we sent to (a forward), so
 * it comes after the Message-ID.
 */
final class Matching {

    /** The recipient and how it was found. */
    record Match(RecipientRef recipient, String by) {}

    static final String BY_SENDER_AND_SUBJECT = "sender and subject";

    private final Inbox inbox;
    private final CampaignRecord campaign;
    private final LetterSubjects subjects;

    Matching(Inbox inbox, CampaignRecord campaign, LetterSubjects subjects) {
        this.inbox = inbox;
        this.campaign = campaign;
        this.subjects = subjects;
    }

    Optional<Match> find(IncomingMail mail) {
        for (String address : mail.deliveredTo()) {
            Optional<RecipientRef> r = BounceToken.in(address).flatMap(inbox::byBounceToken);
            if (r.isPresent()) {
                return Optional.of(new Match(r.get(), "VERP address"));
            }
        }
        DeliveryReport report = mail.report();
        if (report != null) {
            Optional<Match> m = byIds(report.originalMessageIds(), report.standard()
                    ? "original Message-ID" : "Message-ID in the bounce text");
            if (m.isPresent()) {
                return m;
            }
        }
        Optional<Match> threaded = byIds(mail.inReplyTo(), "In-Reply-To");
        if (threaded.isEmpty()) {
            List<String> newestFirst = new ArrayList<>(mail.references());
            java.util.Collections.reverse(newestFirst);
            threaded = byIds(newestFirst, "References");
        }
        if (threaded.isPresent()) {
            return threaded;
        }
        if (report == null) {
            return bySenderAndSubject(mail);
        }
        Optional<Match> m = byAddresses(report.recipients(), "Final-Recipient");
        return m.isPresent() ? m : byAddresses(Bounces.addressesIn(mail.text()).stream()
                .filter(a -> !a.equalsIgnoreCase(mail.from())).toList(), "address in the bounce text");
    }

    /**
     * A reply whose client or forwarder dropped In-Reply-To and References: from the recipient's own address (or an
     * alias the CSV gives), with the letter's subject behind a reply prefix. Both must hold: a person writing about
     * something else is not answering the letter, and a stranger quoting the subject is not the recipient.
     */
    private Optional<Match> bySenderAndSubject(IncomingMail mail) {
        if (mail.from() == null || ReplySubjects.repliedTo(mail.subject()).isEmpty()) {
            return Optional.empty();
        }
        List<RecipientRef> candidates = new ArrayList<>();
        inbox.byAddress(campaign, mail.from()).ifPresent(candidates::add);
        candidates.addAll(inbox.byAlias(campaign, mail.from()));
        for (RecipientRef r : candidates) {
            if (subjects.of(r).filter(s -> ReplySubjects.answers(mail.subject(), s)).isPresent()) {
                return Optional.of(new Match(r, BY_SENDER_AND_SUBJECT));
            }
        }
        return Optional.empty();
    }

    private Optional<Match> byIds(List<String> ids, String by) {
        for (String id : ids) {
            Optional<RecipientRef> r = inbox.byMessageId(id);
            if (r.isPresent()) {
                return Optional.of(new Match(r.get(), by));
            }
        }
        return Optional.empty();
    }

    private Optional<Match> byAddresses(List<String> addresses, String by) {
        for (String address : addresses) {
            Optional<RecipientRef> r = inbox.byAddress(campaign, address);
            if (r.isPresent()) {
                return Optional.of(new Match(r.get(), by));
            }
        }
        return Optional.empty();
    }
}

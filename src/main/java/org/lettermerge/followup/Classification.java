package org.lettermerge.followup;

import org.lettermerge.store.InboundKind;

/** What a matched message means for its recipient. */
final class Classification {

    private Classification() {}

    static InboundKind of(IncomingMail mail, boolean matched) {
        if (!matched) {
            return InboundKind.UNMATCHED;
        }
        DeliveryReport report = mail.report();
        if (report != null) {
            // RFC 3464 2.3.3: "failed" is final; "delayed" only says the server is still trying.
            if (report.failed()) {
                return InboundKind.BOUNCED;
            }
            if (report.delayed()) {
                return InboundKind.DELAYED;
            }
            // delivered / relayed / expanded: a program reporting on the letter, not a person answering.
            return InboundKind.AUTO_REPLY;
        }
        return mail.automatic() ? InboundKind.AUTO_REPLY : InboundKind.REPLIED;
    }

    /**
     * A person's message (a reply, or mail nobody could tie to a letter) that asks to unsubscribe; automatic replies
     * and bounces are programs talking and never ask.
     */
    static boolean asksUnsubscribe(IncomingMail mail, InboundKind kind) {
        return (kind == InboundKind.REPLIED || kind == InboundKind.UNMATCHED)
                && UnsubscribeRequests.asks(mail.subject(), mail.text());
    }
}

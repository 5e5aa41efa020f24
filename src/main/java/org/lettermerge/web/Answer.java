package org.lettermerge.web;

import java.util.Locale;
import java.util.function.Predicate;
import org.lettermerge.followup.Responses;

/** What came back from the mailbox, as the recipient table can be filtered by it. */
enum Answer implements Predicate<Responses> {
    REPLIED, AUTO_REPLY, BOUNCED, ASKS_UNSUBSCRIBE;

    @Override
    public boolean test(Responses r) {
        return switch (this) {
            case REPLIED -> r.replied();
            case AUTO_REPLY -> r.autoReplied();
            case BOUNCED -> r.bounced();
            case ASKS_UNSUBSCRIBE -> r.asksUnsubscribe();
        };
    }

    /** As the filter's menu and address write it: "auto-reply". */
    String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The answer a filter names; null for none or "any". */
    static Answer parse(String value) {
        return Requests.optional(value, Answer.class, "any", "filter");
    }
}

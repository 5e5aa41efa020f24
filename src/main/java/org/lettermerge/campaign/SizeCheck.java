package org.lettermerge.campaign;

import java.util.Optional;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.schedule.MessageSizeLimit;
import org.lettermerge.template.Letter;

/**
 * Preflight's check of each rendered letter against the provider's size limit: a letter is built and measured only
 * when its cheap upper bound could be over the limit, so a campaign of ordinary letters costs no MIME building here.
 * Also keeps the largest bound, which tells a sender whether a server's SIZE needs a closer look. Thread-safe.
 */
final class SizeCheck {

    private final LetterMeter meter;
    private final MessageSizeLimit limit;
    private final LetterMeter.Tally over = new LetterMeter.Tally();
    private final LetterMeter.Tally every;
    private int letters;
    private long largestBound;

    /** @param every if not null, every letter is measured exactly and added to it (for {@code check}) */
    SizeCheck(LetterMeter meter, MessageSizeLimit limit, LetterMeter.Tally every) {
        this.meter = meter;
        this.limit = limit;
        this.every = every;
    }

    void check(Recipient r, Letter letter) {
        long bound = meter.bound(r, letter);
        synchronized (this) {
            letters++;
            largestBound = Math.max(largestBound, bound);
        }
        long exact = every != null || limit.exceededBy(bound) ? meter.exact(r, letter) : -1;
        if (every != null && exact >= 0) {
            every.add(r, exact);
        }
        if (limit.exceededBy(exact)) {
            over.add(r, exact);
        }
    }

    /** No letter is larger than this as sent; 0 when none was rendered. */
    synchronized long largestBound() {
        return largestBound;
    }

    /** One problem for all the letters over the limit, named by the largest: they share a cause. */
    synchronized Optional<Problem> problem() {
        LetterSizes largest = over.sizes();
        if (!largest.measured()) {
            return Optional.empty();
        }
        return Optional.of(Problem.error(largest.largestWhere(), LetterSizes.tooLarge(largest.largestEmail(),
                largest.largestBytes(), limit, over.count(), letters)));
    }
}

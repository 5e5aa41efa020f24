package org.lettermerge.campaign;

import org.lettermerge.schedule.MessageSizeLimit;

/**
 * How big the campaign's letters are as they travel (the encoded MIME message, attachments included), measured by
 * preflight on every letter: how many, all together, and the largest with its recipient, so a limit can be
 * checked before anything is sent.
 *
 * @param largestWhere the largest letter's row, e.g. {@code recipients.csv:7}
 */
public record LetterSizes(int count, long totalBytes, long largestBytes, String largestEmail, String largestWhere) {

    /** Nothing measured: the templates or the rows had errors, or the campaign is a reminder. */
    public static final LetterSizes NONE = new LetterSizes(0, 0, 0, null, null);

    public boolean measured() {
        return count > 0;
    }

    public long averageBytes() {
        return count == 0 ? 0 : totalBytes / count;
    }

    /** The user-facing sentence for the largest letter when it is over {@code limit}. */
    public String tooLarge(MessageSizeLimit limit) {
        return tooLarge(largestEmail, largestBytes, limit, 0, count);
    }

    /**
     * The user-facing sentence for a letter over {@code limit}: who, how big, the limit and what to do.
     *
     * @param over how many of the {@code count} letters are over it (0 when not counted)
     */
    static String tooLarge(String email, long bytes, MessageSizeLimit limit, int over, int count) {
        return "the letter to " + email + " is " + MessageSizeLimit.describe(bytes)
                + " as sent (encoded MIME), over the limit of " + MessageSizeLimit.describe(limit.bytes()) + " set by "
                + limit.source() + (over > 0 ? " (" + over + " of " + count + " letters are over it)" : "")
                + ". Attachments grow by about a third when encoded (base64): make them smaller (compress or split "
                + "them), or put them online and link to them from the letter";
    }
}

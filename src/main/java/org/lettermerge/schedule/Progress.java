package org.lettermerge.schedule;

import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/** Told about each attempt as it is settled, for a progress line. Never used for bookkeeping. */
public interface Progress {

    Progress NONE = new Progress() {};

    /** {@code total}: how many letters are due now, or 0 when unknown (the scheduler of many campaigns). */
    default void started(int total) {}

    default void settled(StoredRecipient recipient, State outcome, String reply, int done) {}

    /** Something happened to a whole campaign: it started sending in this run, paused, resumed or finished. */
    default void campaign(String campaign, String event) {}
}

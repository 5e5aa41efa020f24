package org.lettermerge.status;

import java.util.Map;
import org.lettermerge.store.State;

/** Sums of recipients per state, as one line ("8 accepted, 2 failed") and as the exit code's question. */
public final class Totals {
    private Totals() {}

    public static String line(Map<State, Integer> totals) {
        StringBuilder s = new StringBuilder();
        totals.forEach((state, n) -> {
            if (n > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(state.name().toLowerCase());
            }
        });
        return s.length() == 0 ? "no recipients" : s.toString();
    }

    public static boolean allDelivered(Map<State, Integer> totals) {
        return totals.getOrDefault(State.FAILED, 0) + totals.getOrDefault(State.UNKNOWN, 0)
                + totals.getOrDefault(State.DEFERRED, 0) == 0;
    }
}

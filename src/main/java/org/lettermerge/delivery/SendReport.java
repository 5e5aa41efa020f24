package org.lettermerge.delivery;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.lettermerge.store.State;

/**
 * What one run did: how many attempts ended in each state, and why it stopped early, if it did.
 *
 * @param stoppedBecause null when the run went through every letter it could send
 * @param serverProblem  true when it stopped because the mail server was unavailable or refused us
 */
public record SendReport(Map<State, Integer> outcomes, int planned, Duration elapsed, String stoppedBecause,
                         boolean serverProblem) {

    public SendReport {
        outcomes = Map.copyOf(outcomes);
    }

    public int count(State state) {
        return outcomes.getOrDefault(state, 0);
    }

    public int attempted() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    static Map<State, Integer> emptyCounts() {
        return new EnumMap<>(State.class);
    }
}

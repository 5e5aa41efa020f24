package org.lettermerge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard's gate, on plain values: hosts, origins, the one-time token and its limit on guesses. */
class GateTest {

    @Test
    void onlyThisServersOwnNamesAndOriginsPass() {
        Gate gate = new Gate("t0ken", 8025);

        assertThat(gate.ownHost("127.0.0.1:8025")).isTrue();
        assertThat(gate.ownHost("LOCALHOST:8025")).isTrue();
        assertThat(gate.ownHost("evil.example:8025")).isFalse();
        assertThat(gate.ownHost("127.0.0.1:8026")).isFalse();
        assertThat(gate.ownHost(null)).isFalse();
        assertThat(gate.sameOrigin("http://127.0.0.1:8025", null)).isTrue();
        assertThat(gate.sameOrigin("null", "http://127.0.0.1:8025/campaign")).isFalse();
        assertThat(gate.sameOrigin(null, "http://localhost:8025/campaign?c=x")).isTrue();
        assertThat(gate.sameOrigin(null, "http://evil.example/")).isFalse();
        assertThat(gate.sameOrigin(null, null)).isFalse();
    }

    @Test
    void theTokenSignsInOnceAndTooManyWrongGuessesCloseTheDoor() {
        Gate once = new Gate("t0ken", 8025);
        assertThat(once.signIn("t0ken")).isPresent();
        assertThat(once.signIn("t0ken")).isEmpty();

        Gate guessed = new Gate("t0ken", 8025);
        for (int i = 0; i < Gate.MAX_FAILED_SIGN_INS; i++) {
            assertThat(guessed.signIn("guess-" + i)).isEmpty();
        }
        assertThat(guessed.signIn("t0ken")).as("even the right token, after too many wrong ones").isEmpty();
    }

    @Test
    void aFormTokenBelongsToItsSession() {
        Gate gate = new Gate("t0ken", 8025);
        String session = gate.signIn("t0ken").orElseThrow();
        String form = gate.formToken(session).orElseThrow();

        assertThat(gate.formTokenMatches(session, form)).isTrue();
        assertThat(gate.formTokenMatches(session, form + "x")).isFalse();
        assertThat(gate.formTokenMatches("another", form)).isFalse();
        assertThat(gate.formTokenMatches(session, null)).isFalse();
    }
}

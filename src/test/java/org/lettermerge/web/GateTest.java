package org.lettermerge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The dashboard's gate, on plain values: hosts, origins, the one-time token, the password and the limit on guesses. */
class GateTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void onlyThisServersOwnNamesAndOriginsPass() {
        Site site = Site.loopback(8025);

        assertThat(site.ownHost("127.0.0.1:8025")).isTrue();
        assertThat(site.ownHost("LOCALHOST:8025")).isTrue();
        assertThat(site.ownHost("evil.example:8025")).isFalse();
        assertThat(site.ownHost("127.0.0.1:8026")).isFalse();
        assertThat(site.ownHost(null)).isFalse();
        assertThat(site.sameOrigin("http://127.0.0.1:8025", null)).isTrue();
        assertThat(site.sameOrigin("null", "http://127.0.0.1:8025/campaign")).isFalse();
        assertThat(site.sameOrigin(null, "http://localhost:8025/campaign?c=x")).isTrue();
        assertThat(site.sameOrigin(null, "http://localhost:8025.evil.example/")).isFalse();
        assertThat(site.sameOrigin(null, "http://evil.example/")).isFalse();
        assertThat(site.sameOrigin(null, null)).isFalse();
    }

    @Test
    void behindAProxyOnlyThePublicHttpsAddressPasses() {
        Site site = Site.behindProxy(URI.create("https://Letters.Example.org"));

        assertThat(site.secure()).isTrue();
        assertThat(site.ownHost("letters.example.org")).isTrue();
        assertThat(site.ownHost("letters.example.org:443")).isTrue();
        assertThat(site.ownHost("127.0.0.1:8025")).as("the proxy passes the public Host on").isFalse();
        assertThat(site.sameOrigin("https://letters.example.org", null)).isTrue();
        assertThat(site.sameOrigin("http://letters.example.org", null)).as("not over plain http").isFalse();
        assertThat(site.sameOrigin(null, "https://letters.example.org/campaign?c=x")).isTrue();
    }

    @Test
    void theTokenSignsInOnceAndTooManyWrongGuessesCloseTheDoorForAWhile() {
        Gate once = new Gate(Site.loopback(8025), "t0ken", null, NOW);
        assertThat(once.signIn("t0ken")).isPresent();
        assertThat(once.signIn("t0ken")).isEmpty();

        MovingClock clock = new MovingClock();
        Gate guessed = new Gate(Site.loopback(8025), "t0ken", null, clock);
        for (int i = 0; i < Gate.MAX_FAILED_SIGN_INS; i++) {
            assertThat(guessed.signIn("guess-" + i)).isEmpty();
        }
        assertThat(guessed.signIn("t0ken")).as("even the right token, after too many wrong ones").isEmpty();
        clock.now = clock.now.plus(Gate.LOCKOUT).plus(Duration.ofMinutes(1));
        assertThat(guessed.signIn("t0ken")).as("once the lockout has passed").isPresent();
    }

    @Test
    void thePasswordSignsInAgainAndAgainButOnlyWhenThereIsOne() {
        Gate shared = new Gate(Site.behindProxy(URI.create("https://letters.example.org")), "t0ken",
                "correct horse battery", NOW);
        assertThat(shared.signInWithPassword("correct horse battery")).isPresent();
        assertThat(shared.signInWithPassword("correct horse battery")).isPresent();
        assertThat(shared.signInWithPassword("correct horse")).isEmpty();
        assertThat(shared.signInWithPassword(null)).isEmpty();

        Gate local = new Gate(Site.loopback(8025), "t0ken", null, NOW);
        assertThat(local.signInWithPassword("")).isEmpty();
    }

    @Test
    void aFormTokenBelongsToItsSessionAndEndsWithIt() {
        Gate gate = new Gate(Site.loopback(8025), "t0ken", null, NOW);
        String session = gate.signIn("t0ken").orElseThrow();
        String form = gate.formToken(session).orElseThrow();

        assertThat(gate.formTokenMatches(session, form)).isTrue();
        assertThat(gate.formTokenMatches(session, form + "x")).isFalse();
        assertThat(gate.formTokenMatches("another", form)).isFalse();
        assertThat(gate.formTokenMatches(session, null)).isFalse();
        gate.signOut(session);
        assertThat(gate.formToken(session)).isEmpty();
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.lettermerge.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

/** The VERP token: derived from our Message-IDs only, [a-z0-9] only, and found again in a bounce's recipient. */
class BounceTokenTest {

    @Test
    void theTokenIsTheMessageIdsUuidWithoutDashesInLowercase() {
        assertThat(BounceToken.of("<0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0@coalition.example.org>"))
                .hasValue("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        assertThat(BounceToken.of(MessageIds.next("coalition.example.org"))).hasValueSatisfying(
                t -> assertThat(t).matches("[0-9a-f]{32}"));
    }

    @Test
    void aMessageIdNotOfOurFormGivesNoTokenAndTheBareBounceAddress() throws Exception {
        assertThat(BounceToken.of("<odd.id_with+signs@example.org>")).isEmpty();
        assertThat(BounceToken.of("no-brackets@example.org")).isEmpty();
        assertThat(BounceToken.envelopeFrom(new InternetAddress("bounces@coalition.example.org"),
                "<odd.id@example.org>")).isEqualTo("bounces@coalition.example.org");
    }

    @Test
    void theEnvelopeSenderPutsThePlusTokenBeforeTheDomain() throws Exception {
        assertThat(BounceToken.envelopeFrom(new InternetAddress("bounces@coalition.example.org"),
                "<11111111-2222-3333-4444-555555555555@coalition.example.org>"))
                .isEqualTo("bounces+11111111222233334444555555555555@coalition.example.org");
    }

    @Test
    void theTokenIsFoundInAHeaderValueWhateverItsCaseOrDisplayName() {
        assertThat(BounceToken.in("Bounces <BOUNCES+ABC123@Coalition.Example.org>")).hasValue("abc123");
        assertThat(BounceToken.in("letters@coalition.example.org")).isEmpty();
    }
}

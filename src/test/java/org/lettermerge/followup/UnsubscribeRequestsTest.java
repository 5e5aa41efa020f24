package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The documented phrases, as whole words in the subject or the reply's own first lines. */
class UnsubscribeRequestsTest {

    @Test
    void eachDocumentedPhraseAsksInAnyCase() {
        for (String text : new String[] {"Please UNSUBSCRIBE me", "remove me from this list", "I opt out",
                "opt-out please", "Stop sending these", "Merci de me désabonner", "Veuillez me desabonner",
                "Quiero darse de baja", "Bitte abmelden"}) {
            assertThat(UnsubscribeRequests.asks(null, text)).as(text).isTrue();
        }
        assertThat(UnsubscribeRequests.asks("STOP SENDING", "Thank you.")).isTrue();
    }

    @Test
    void aPhraseInsideAnotherWordOrANormalReplyDoesNotAsk() {
        assertThat(UnsubscribeRequests.asks("Re: A letter for Ana", "Thank you, we will sign.")).isFalse();
        assertThat(UnsubscribeRequests.asks("Re: our remove members policy", "Abmeldenummer 4; topt outline"))
                .isFalse();
    }

    @Test
    void wordsInTheQuotedLetterBelowTheReplyDoNotAsk() {
        String reply = """
                Thank you, we will sign.

                On Mon, 2 Mar 2026, Coalition Letters wrote:
                > Dear Ana,
                > To unsubscribe, write to unsubscribe@coalition.example.org.
                """;
        assertThat(UnsubscribeRequests.asks("Re: A letter for Ana", reply)).isFalse();
    }

    @Test
    void onlyTheFirstLinesOfTheBodyAreRead() {
        String longReply = "line\n".repeat(UnsubscribeRequests.FIRST_LINES) + "unsubscribe\n";
        assertThat(UnsubscribeRequests.asks(null, longReply)).isFalse();
    }
}

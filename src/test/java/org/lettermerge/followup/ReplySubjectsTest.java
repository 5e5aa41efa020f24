package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplySubjectsTest {

    private static final String LETTER = "Joint letter: protect civic space";

    @ParameterizedTest
    @ValueSource(strings = {"Re: Joint letter: protect civic space", "RE: Joint letter: protect civic space",
            "AW: Joint letter: protect civic space", "Réf : Joint letter: protect civic space",
            "RES: Joint letter: protect civic space", "Antw: Joint letter: protect civic space",
            "SV: Joint letter: protect civic space", "Re: RE: Re:  Joint letter:  protect civic space",
            "Re[2]: Joint letter: protect civic space", "re : joint letter: protect civic space"})
    void aReplyPrefixInTheLanguagesRecipientsWriteInIsAReplyToTheLetter(String subject) {
        assertThat(ReplySubjects.answers(subject, LETTER)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fwd: Joint letter: protect civic space", "Fw: Joint letter: protect civic space",
            "RV: Joint letter: protect civic space",
            "Re: Fwd: Joint letter: protect civic space", "Joint letter: protect civic space",
            "Re: Joint letter: protect civic space (2)", "Re: Conference next week", "Regarding: Joint letter"})
    void aForwardTheLetterWithoutAPrefixOrAnotherSubjectIsNot(String subject) {
        assertThat(ReplySubjects.answers(subject, LETTER)).isFalse();
    }

    @Test
    void theLettersOwnSubjectMayStartWithWhatLooksLikeAPrefix() {
        assertThat(ReplySubjects.answers("Re: Re: Joint letter", "Re: Joint letter")).isTrue();
        assertThat(ReplySubjects.repliedTo("A letter")).isEmpty();
    }
}

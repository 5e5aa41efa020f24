package org.lettermerge.followup;

import java.util.Optional;
import org.lettermerge.store.RecipientRef;

/** The subject a recipient row's letter went out with, or empty when it cannot be told. */
@FunctionalInterface
public interface LetterSubjects {

    /** For callers that cannot render the campaign's letters: no reply is matched by its subject. */
    LetterSubjects NONE = row -> Optional.empty();

    Optional<String> of(RecipientRef row);
}

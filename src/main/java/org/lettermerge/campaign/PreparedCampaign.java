package org.lettermerge.campaign;

import java.util.List;
import java.util.Map;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.template.Letter;
import org.lettermerge.template.LetterTemplates;

/**
 * A campaign with everything read, compiled and checked: what its recipients file holds (not its rows, which
 * are read again when needed), data, templates, the hashes of its parts, and an upper bound on its letters' size as
 * sent ({@code largestLetterBound}, 0 when not known; {@link Preflight#measureLetters} measures them exactly).
 * {@code templates} is null when they failed to compile (the problems say why).
 */
public record PreparedCampaign(Campaign campaign, RecipientRows recipients, Map<String, Object> data,
                               LetterTemplates templates, Map<String, String> parts, List<Problem> problems,
                               long largestLetterBound) {

    public PreparedCampaign {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public Letter render(Recipient recipient) {
        return templates.render(recipient, data);
    }

    /**
     * The recipient's name as every view of the log shows it: as the letter addressed them (the rendered to_name),
     * else the {@code name} column, else {@code first_name} and {@code last_name}; null when none has a value.
     */
    public String displayName(Recipient recipient) {
        String addressed = templates == null ? null : templates.toName(recipient, data);
        if (addressed != null) {
            return addressed;
        }
        String name = recipient.fields().get("name");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String full = (recipient.fields().getOrDefault("first_name", "") + " "
                + recipient.fields().getOrDefault("last_name", "")).strip();
        return full.isEmpty() ? null : full;
    }
}

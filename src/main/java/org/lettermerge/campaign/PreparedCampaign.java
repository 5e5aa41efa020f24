package org.lettermerge.campaign;

import java.util.List;
import java.util.Map;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.template.Letter;
import org.lettermerge.template.LetterTemplates;

/**
 * A campaign with everything read, compiled and checked: what its recipients file holds (not its rows, which
 * are read again when needed), data, templates, the hashes of its parts and its letters' sizes. {@code templates}
 * is null when they failed to compile (the problems say why).
 */
public record PreparedCampaign(Campaign campaign, RecipientRows recipients, Map<String, Object> data,
                               LetterTemplates templates, Map<String, String> parts, List<Problem> problems,
                               LetterSizes sizes) {

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
}

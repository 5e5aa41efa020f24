package org.lettermerge.recipients;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.lettermerge.problems.Problem;

/**
 * The mailable rows of a recipients file, the rows skipped as duplicates, and every problem found.
 * Rows with errors are in neither list; any ERROR in {@code problems} means the list must not be sent.
 */
public record RecipientList(Path file, List<String> columns, List<Recipient> recipients,
                            List<Recipient> duplicates, List<Problem> problems) {

    public RecipientList {
        Objects.requireNonNull(file, "file");
        columns = List.copyOf(columns);
        recipients = List.copyOf(recipients);
        duplicates = List.copyOf(duplicates);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}

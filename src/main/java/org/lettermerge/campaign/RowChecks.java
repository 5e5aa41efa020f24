package org.lettermerge.campaign;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.template.LetterTemplates;
import org.lettermerge.template.MissingValueException;

/**
 * Preflight's checks of one recipient row, run as the rows stream past: its time zone, the "Dear ," defence,
 * and a trial render. A trial render means something only when every variable is known, and whether the
 * recipients file has errors is only known after its last row: until then render problems are kept apart, and
 * dropped if it had (a row's problems are then those of the file, as when the list was read before any check).
 */
final class RowChecks {

    private record Found(Problem problem, boolean fromRendering) {}

    private final LetterTemplates templates;
    private final Map<String, Object> data;
    private final boolean render;
    private final List<Found> found = new ArrayList<>();

    /** @param render whether the campaign's variables are known, the recipients file's errors aside */
    RowChecks(LetterTemplates templates, Map<String, Object> data, boolean render) {
        this.templates = templates;
        this.data = data;
        this.render = render;
    }

    void check(Recipient r) {
        checkZone(r);
        templates.checkRow(r, data).forEach(p -> found.add(new Found(p, false)));
        if (render) {
            tryRender(r);
        }
    }

    /** Every problem found, row by row; render problems only if the recipients file had no errors. */
    List<Problem> problems(boolean recipientsFileHasErrors) {
        return found.stream().filter(f -> !(f.fromRendering() && recipientsFileHasErrors)).map(Found::problem).toList();
    }

    private void tryRender(Recipient r) {
        try {
            templates.render(r, data);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> found.add(new Found(p, true)));
        } catch (MissingValueException e) {
            found.add(new Found(e.toProblem(), true));
        }
    }

    /** A recipient's send window is read in their {@code timezone} column's zone: it must name one. */
    private void checkZone(Recipient r) {
        String zone = r.fields().get("timezone");
        if (zone == null || zone.isBlank()) {
            return;
        }
        try {
            ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            Problem problem = Problem.error(r.where(), "column 'timezone': '" + zone + "' is not a time zone: use a "
                    + "name such as America/New_York or Asia/Tokyo, or leave it empty for the campaign's zone");
            found.add(new Found(problem, false));
        }
    }
}

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
 * Rows are checked in batches spread over the machine's cores (a trial render is most of preflight's time);
 * their problems are kept in row order. A letter that renders is checked against the provider's size limit.
 */
final class RowChecks {

    private record Found(Problem problem, boolean fromRendering) {}

    /** Rows checked together: enough to keep every core busy, few enough to hold. */
    private static final int BATCH = 512;

    private final LetterTemplates templates;
    private final Map<String, Object> data;
    private final boolean render;
    private final SizeCheck sizes;
    private final List<Found> found = new ArrayList<>();
    private final List<Recipient> batch = new ArrayList<>(BATCH);

    /**
     * @param render whether the campaign's variables are known, the recipients file's errors aside
     * @param sizes  checks each rendered letter's size
     */
    RowChecks(LetterTemplates templates, Map<String, Object> data, boolean render, SizeCheck sizes) {
        this.templates = templates;
        this.data = data;
        this.render = render;
        this.sizes = sizes;
    }

    void check(Recipient r) {
        batch.add(r);
        if (batch.size() == BATCH) {
            checkBatch();
        }
    }

    /** Every problem found, row by row; render problems only if the recipients file had no errors. */
    List<Problem> problems(boolean recipientsFileHasErrors) {
        checkBatch();
        return found.stream().filter(f -> !(f.fromRendering() && recipientsFileHasErrors)).map(Found::problem).toList();
    }

    private void checkBatch() {
        batch.parallelStream().map(this::checkOne).forEachOrdered(found::addAll);
        batch.clear();
    }

    private List<Found> checkOne(Recipient r) {
        List<Found> problems = new ArrayList<>();
        checkZone(r, problems);
        templates.checkRow(r, data).forEach(p -> problems.add(new Found(p, false)));
        if (render) {
            tryRender(r, problems);
        }
        return problems;
    }

    private void tryRender(Recipient r, List<Found> problems) {
        try {
            sizes.check(r, templates.render(r, data));
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new Found(p, true)));
        } catch (MissingValueException e) {
            problems.add(new Found(e.toProblem(), true));
        }
    }

    /** A recipient's send window is read in their {@code timezone} column's zone: it must name one. */
    private static void checkZone(Recipient r, List<Found> problems) {
        String zone = r.fields().get("timezone");
        if (zone == null || zone.isBlank()) {
            return;
        }
        try {
            ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            Problem problem = Problem.error(r.where(), "column 'timezone': '" + zone + "' is not a time zone: use a "
                    + "name such as America/New_York or Asia/Tokyo, or leave it empty for the campaign's zone");
            problems.add(new Found(problem, false));
        }
    }
}

package org.lettermerge.recipients;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.lettermerge.problems.Problem;

/**
 * One sheet of a workbook as a list: its first row with any value names the columns, every later row with a value
 * is a record. Cells are read as the spreadsheet shows them (the sources format them). What a reader could only
 * guess at is reported instead: a merged or hidden header cell, a hidden header row, values in a column without a
 * name, a formula without a saved result.
 */
public final class SheetTable implements Table {

    private final Path file;
    private final SheetSource source;
    private final List<Problem> problems = new ArrayList<>();
    // Columns beyond the header that hold values, each reported once, at the first cell found.
    private final Map<Integer, Integer> unnamed = new LinkedHashMap<>();
    private final Set<Integer> hiddenRows = new TreeSet<>();
    private Header header;
    private SheetRow next;
    private boolean ended;

    private SheetTable(Path file, SheetSource source) {
        this.file = file;
        this.source = source;
    }

    /** The sheet's header read and checked; a source that could not be opened ({@code null}) has no rows. */
    static Table of(Path file, SheetSource source) {
        SheetTable table = new SheetTable(file, source);
        table.readHeader();
        return table;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> columns() {
        return header == null ? List.of() : header.names();
    }

    @Override
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public boolean readable() {
        return true;
    }

    @Override
    public String readAs() {
        return "sheet " + source.name() + " of " + source.kind();
    }

    @Override
    public String sheet() {
        return source.name();
    }

    @Override
    public String where(int line) {
        return Problem.display(file) + ", sheet " + source.name() + ", row " + line;
    }

    @Override
    public String where(int line, String column) {
        int position = header.position(column);
        return where(line) + ", column " + column + " (" + SheetRow.letters(position) + line + ")";
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            SheetRow row = pull();
            if (row == null) {
                end();
            } else if (!row.isBlank()) {
                next = row;
            }
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + where(1));
        }
        SheetRow row = next;
        next = null;
        if (row.hidden()) {
            hiddenRows.add(row.number());
        }
        for (int column : row.cells().keySet()) {
            if (column >= header.width() && !row.cells().get(column).isBlank()) {
                unnamed.putIfAbsent(column, row.number());
            }
        }
        for (String name : header.names()) {
            String note = row.notes().get(header.position(name));
            if (note != null) {
                problems.add(Problem.error(where(row.number(), name), note));
            }
        }
        return new Row(row.number(), header.values(row.cells()::get));
    }

    /** The source's next row; null at its end, or after reporting that the sheet is damaged. */
    private SheetRow pull() {
        try {
            return source.next();
        } catch (IllegalStateException damaged) {
            // The sources say what is damaged and what to do; the rows read so far are not to be trusted alone.
            problems.add(Problem.error(Problem.display(file) + ", sheet " + source.name(), damaged.getMessage()));
            return null;
        }
    }

    private void readHeader() {
        SheetRow first = pull();
        while (first != null && first.isBlank()) {
            first = pull();
        }
        if (first == null && !problems.isEmpty()) {
            header = new Header(List.of(), i -> "", "", problems);
            ended = true;
            return;
        }
        if (first == null) {
            problems.add(Problem.error(Problem.display(file) + ", sheet " + source.name(), "the sheet is empty: its"
                    + " first row must name the columns (email, name, ...), one row per recipient below it"));
            header = new Header(List.of(), i -> "", "", problems);
            ended = true;
            return;
        }
        String where = where(first.number());
        if (first.hidden()) {
            problems.add(Problem.error(where, "the header row is hidden: unhide it, so that you see the column names"
                    + " Lettermerge reads"));
        }
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < first.width(); i++) {
            raw.add(first.cells().get(i));
        }
        Set<Integer> covered = new TreeSet<>();
        for (int[] span : first.merged()) {
            if (span[1] > span[0] && span[0] < raw.size()) {
                problems.add(Problem.error(where, "the header cells " + SheetRow.letters(span[0]) + first.number()
                        + ":" + SheetRow.letters(span[1]) + first.number() + " are merged: unmerge them and give each"
                        + " column its own name"));
                for (int c = span[0] + 1; c <= span[1]; c++) {
                    covered.add(c);
                }
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) != null && !raw.get(i).isBlank() && source.columnHidden(i)) {
                problems.add(Problem.error(where, "column " + SheetRow.letters(i) + " ('" + raw.get(i).strip()
                        + "') is hidden: unhide it if its values should be merged, or delete it"));
            }
        }
        header = new Header(raw, i -> "column " + SheetRow.letters(i), where, problems, covered::contains);
    }

    private void end() {
        ended = true;
        source.close();
        unnamed.forEach((column, row) -> problems.add(Problem.warning(where(row) + ", column "
                + SheetRow.letters(column), "has values but the header row gives column " + SheetRow.letters(column)
                + " no name: they are not read; name the column to use them")));
        if (!hiddenRows.isEmpty()) {
            problems.add(Problem.warning(Problem.display(file) + ", sheet " + source.name(), (hiddenRows.size() == 1
                    ? "row " + hiddenRows.iterator().next() + " is hidden" : "rows " + listed(hiddenRows) + " are hidden")
                    + " (a filter?): hidden rows are read like the others; delete them if they should get no letter"));
        }
    }

    /** "3, 5 and 7"; past five, "3, 5, 7, 9, 11 and 4 more". */
    private static String listed(Set<Integer> rows) {
        List<String> some = rows.stream().limit(5).map(String::valueOf).toList();
        if (rows.size() > some.size()) {
            return String.join(", ", some) + " and " + (rows.size() - some.size()) + " more";
        }
        return String.join(", ", some.subList(0, some.size() - 1)) + " and " + some.get(some.size() - 1);
    }
}

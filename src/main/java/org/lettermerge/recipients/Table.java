package org.lettermerge.recipients;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lettermerge.problems.Problem;

/**
 * A list as a header and rows, handed out one row at a time so a list of 100,000 recipients is never held as
 * rows: a CSV file, or one sheet of an .xlsx or .ods workbook. Content problems are collected, never thrown, so
 * a user sees all of them in one run; a file that cannot be read at all has one problem and no columns.
 */
public sealed interface Table extends Iterator<Table.Row> permits CsvTable, SheetTable, UnreadableList {

    /** A record of the list; {@code line} is the CSV line it starts on, or the sheet's row number. */
    record Row(int line, Map<String, String> values) {
        public Row {
            if (line < 1) {
                throw new IllegalArgumentException("line must be 1 or more: " + line);
            }
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** A small list read whole (campaign data, addresses to import). */
    record Result(Path file, List<String> columns, List<Row> rows, List<Problem> problems) {
        public Result {
            Objects.requireNonNull(file, "file");
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        static Result of(Table table) {
            List<Row> rows = new ArrayList<>();
            table.forEachRemaining(rows::add);
            return new Result(table.file(), table.columns(), rows, table.problems());
        }
    }

    /** Every row of the list at once, for small lists: see {@link #open}. */
    static Result read(Path file, String sheet) {
        return Result.of(open(file, sheet));
    }

    /**
     * The list in {@code file}, by its extension: a sheet of a workbook (the first one unless {@code sheet} names
     * another), else CSV. {@code sheet} must be null for a CSV file.
     */
    static Table open(Path file, String sheet) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean xlsx = name.endsWith(".xlsx") || name.endsWith(".xlsm");
        boolean ods = name.endsWith(".ods");
        if (xlsx || ods) {
            Problem unusable = FileAccess.problem(file);
            if (unusable != null) {
                return new UnreadableList(file, unusable);
            }
            try {
                return SheetTable.of(file, xlsx ? XlsxSheet.open(file, sheet) : OdsSheet.open(file, sheet));
            } catch (UnreadableList.Reason e) {
                return UnreadableList.of(file, e.getMessage());
            }
        }
        if (name.endsWith(".xls")) {
            return UnreadableList.of(file, "is an Excel 97-2003 workbook (.xls), which Lettermerge does not read:"
                    + " open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook) and point to that file");
        }
        if (sheet != null) {
            return UnreadableList.of(file, "a CSV file has no sheets: remove 'sheet', or point to the .xlsx or"
                    + " .ods workbook that has the sheet '" + sheet + "'");
        }
        return CsvTable.open(file);
    }

    Path file();

    /** The column names, normalised ({@link #normalise}); empty when the list could not be read. */
    List<String> columns();

    /** The list's own problems: complete once every row was read. */
    List<Problem> problems();

    /** False when the list could not be read at all: then its one problem says why, and nothing else is reported. */
    boolean readable();

    /** How the list was read, for {@code check}: "CSV separated by semicolons (;)", "sheet Officials". */
    String readAs();

    /** Where a row is, as the user finds it: "recipients.csv:7", "list.xlsx, sheet Officials, row 7". */
    String where(int line);

    /** Where a cell is: "list.xlsx, sheet Officials, row 7, column email (C7)"; a CSV names only the line. */
    String where(int line, String column);

    /** The sheet read, or null for a CSV file. */
    String sheet();

    /**
     * A header as a Mustache name: "First Name" → first_name. A dot would be a nested lookup in Mustache,
     * so "org.name" → org_name.
     */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("^_+|_+$", "");
    }
}

package org.lettermerge.recipients;

import java.util.List;
import java.util.Map;

/**
 * One row of a sheet as the spreadsheet shows it, before any header is known.
 *
 * @param number the row number the spreadsheet shows (1-based)
 * @param hidden hidden by hand or by a filter
 * @param cells  column (0-based) → the text the cell shows; empty cells are absent
 * @param notes  column → why the cell's value cannot be used (a formula without a saved result, an error value)
 * @param merged the spans of merged cells that start in this row, as [first column, last column] (0-based)
 */
record SheetRow(int number, boolean hidden, Map<Integer, String> cells, Map<Integer, String> notes,
                List<int[]> merged) {

    SheetRow {
        cells = Map.copyOf(cells);
        notes = Map.copyOf(notes);
        merged = List.copyOf(merged);
    }

    boolean isBlank() {
        return notes.isEmpty() && cells.values().stream().allMatch(String::isBlank);
    }

    int width() {
        int last = -1;
        for (int column : cells.keySet()) {
            if (!cells.get(column).isBlank()) {
                last = Math.max(last, column);
            }
        }
        return last + 1;
    }

    /** "C" for column 2: the letters a spreadsheet shows above a column. */
    static String letters(int column) {
        StringBuilder s = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** 2 for "C7" or "C": the 0-based column of a cell reference, or -1 when it has no letters. */
    static int column(String reference) {
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
        }
        return column - 1;
    }
}

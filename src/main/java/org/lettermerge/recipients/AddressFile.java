package org.lettermerge.recipients;

import jakarta.mail.internet.AddressException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lettermerge.problems.Problem;

/**
 * A list of bare addresses to import (into the suppression list): a CSV file with an {@code email} column — a
 * recipients file or a spreadsheet export — or plain text with one address per line (blank lines and lines
 * starting with # are ignored). Every address is parsed as strictly as a recipient's; problems name file:line,
 * and all are collected so the user fixes the file in one go.
 */
public final class AddressFile {

    /** One address as it will be stored, with the line it came from. */
    public record Entry(int line, String email) {}

    public record Result(Path file, List<Entry> addresses, List<Problem> problems) {
        public Result {
            addresses = List.copyOf(addresses);
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    private AddressFile() {}

    public static Result read(Path file) {
        List<Problem> problems = new ArrayList<>();
        String text = Utf8File.read(file, problems);
        if (text == null) {
            return new Result(file, List.of(), problems);
        }
        String[] lines = text.split("\r?\n", -1);
        String firstLine = firstContentLine(lines);
        if (firstLine == null) {
            problems.add(Problem.error(Problem.at(file, 0), "the file is empty: write one address per line, or a CSV "
                    + "with an email column"));
            return new Result(file, List.of(), problems);
        }
        return isCsv(firstLine) ? fromCsv(file) : fromLines(file, lines, problems);
    }

    /**
     * A CSV header names an email column; a line of plain text is one address and has no separator (a comma, or
     * the semicolon or tab of a European Excel or Google Sheets export: see {@link Separator}).
     */
    private static boolean isCsv(String firstLine) {
        if (firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t")) {
            return true;
        }
        return CsvTable.normalise(firstLine).equals(RecipientsCsv.EMAIL);
    }

    private static Result fromCsv(Path file) {
        Table.Result table = CsvTable.read(file);
        List<Problem> problems = new ArrayList<>(table.problems());
        List<Entry> addresses = new ArrayList<>();
        if (!table.columns().contains(RecipientsCsv.EMAIL)) {
            problems.add(Problem.error(Problem.at(file, 1), "there is no 'email' column (columns: "
                    + String.join(", ", table.columns()) + "): name the column of addresses 'email'"));
            return new Result(file, addresses, problems);
        }
        for (Table.Row row : table.rows()) {
            add(file, row.line(), row.values().get(RecipientsCsv.EMAIL), addresses, problems);
        }
        return new Result(file, addresses, problems);
    }

    private static Result fromLines(Path file, String[] lines, List<Problem> problems) {
        List<Entry> addresses = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                add(file, i + 1, line, addresses, problems);
            }
        }
        return new Result(file, addresses, problems);
    }

    private static void add(Path file, int line, String raw, List<Entry> addresses, List<Problem> problems) {
        String where = Problem.at(file, line);
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(Problem.error(where, "the address is empty: fill it in or delete the row"));
            return;
        }
        try {
            addresses.add(new Entry(line, Addresses.parseStrict(value).getAddress()));
        } catch (AddressException e) {
            problems.add(Problem.error(where, "'" + value + "' is not a usable address (" + RecipientsCsv.reason(e)
                    + "): correct it"));
        }
    }

    private static String firstContentLine(String[] lines) {
        for (String line : lines) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return stripped;
            }
        }
        return null;
    }
}

package org.lettermerge.recipients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lettermerge.problems.Problem;

/**
 * One CSV file as a header and rows, with the physical line each row starts on.
 * Content problems are collected, never thrown, so a user sees all of them in one run.
 */
public final class CsvTable {

    /** A record of the file; {@code line} is where it starts, so a quoted newline does not shift later rows. */
    public record Row(int line, Map<String, String> values) {
        public Row {
            if (line < 1) {
                throw new IllegalArgumentException("line must be 1 or more: " + line);
            }
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public record Result(Path file, List<String> columns, List<Row> rows, List<Problem> problems) {
        public Result {
            Objects.requireNonNull(file, "file");
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    // RFC 4180 quoting, either line ending, blank lines tolerated: spreadsheets write all of these.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    // Where each kept column sits in a record: columns with unusable names are left out.
    private final List<Integer> positions = new ArrayList<>();
    private int headerWidth;

    private CsvTable(Path file) {
        this.file = file;
    }

    public static Result read(Path file) {
        return new CsvTable(file).read();
    }

    /**
     * A header as a Mustache name: "First Name" → first_name. A dot would be a nested lookup in Mustache,
     * so "org.name" → org_name.
     */
    public static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    private Result read() {
        String text = Utf8File.read(file, problems);
        if (text == null) {
            return result(List.of());
        }
        if (text.isBlank()) {
            problems.add(Problem.error(Problem.at(file, 0),
                    "the file is empty: its first line must name the columns, for example email,name"));
            return result(List.of());
        }
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            return result(rows(parser, new LineIndex(text)));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unterminated quoted field this way, with the position in its message.
            problems.add(Problem.error(Problem.at(file, 0),
                    "cannot be read as CSV (" + e.getMessage() + "): look for a quote that is never closed"));
            return result(List.of());
        }
    }

    private List<Row> rows(CSVParser parser, LineIndex lines) {
        List<Row> rows = new ArrayList<>();
        boolean first = true;
        for (CSVRecord record : parser) {
            int line = lines.lineOf(record.getCharacterPosition());
            if (first) {
                readHeader(line, record);
                first = false;
                continue;
            }
            if (record.size() > headerWidth) {
                problems.add(Problem.error(Problem.at(file, line), record.size() + " values but the header names "
                        + headerWidth + " columns: put quotes around a value that contains a comma"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                int position = positions.get(i);
                values.put(columns.get(i), position < record.size() ? record.get(position) : "");
            }
            rows.add(new Row(line, values));
        }
        return rows;
    }

    private void readHeader(int line, CSVRecord header) {
        headerWidth = header.size();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String name = normalise(raw);
            if (name.isEmpty()) {
                problems.add(Problem.error(Problem.at(file, line), "column " + (i + 1) + " has no name"
                        + (raw.isBlank() ? "" : " made of letters or digits ('" + raw + "')")
                        + ": name it, or delete the column"));
            } else if (seen.containsKey(name)) {
                problems.add(Problem.error(Problem.at(file, line), "columns '" + seen.get(name) + "' and '" + raw
                        + "' both become the name '" + name + "': rename one of them"));
            } else {
                seen.put(name, raw);
                columns.add(name);
                positions.add(i);
            }
        }
    }

    private Result result(List<Row> rows) {
        return new Result(file, columns, rows, problems);
    }
}

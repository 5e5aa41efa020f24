package org.lettermerge.recipients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lettermerge.problems.Problem;

/**
 * One CSV file as a header and rows, with the physical line each row starts on. Rows are handed out one at a
 * time ({@link #open}), so a list of 100,000 recipients is never held as rows; {@link #read} collects them for
 * small files. Content problems are collected, never thrown, so a user sees all of them in one run.
 */
public final class CsvTable implements Iterator<CsvTable.Row> {

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
    private LineIndex lines;
    private Iterator<CSVRecord> records = Collections.emptyIterator();

    private CsvTable(Path file) {
        this.file = file;
    }

    /**
     * The file with its text read and checked and its header read: {@link #columns()} and {@link #problems()} are
     * complete, and the rows follow one at a time. A file that cannot be read as CSV has no rows.
     */
    public static CsvTable open(Path file) {
        CsvTable table = new CsvTable(file);
        table.open();
        return table;
    }

    /** Every row at once, for files that are small (campaign data, addresses to import). */
    public static Result read(Path file) {
        CsvTable table = open(file);
        List<Row> rows = new ArrayList<>();
        table.forEachRemaining(rows::add);
        return new Result(file, table.columns(), rows, table.problems());
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

    public Path file() {
        return file;
    }

    public List<String> columns() {
        return List.copyOf(columns);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + file);
        }
        CSVRecord record = records.next();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            int position = positions.get(i);
            values.put(columns.get(i), position < record.size() ? record.get(position) : "");
        }
        return new Row(lines.lineOf(record.getCharacterPosition()), values);
    }

    private void open() {
        String text = Utf8File.read(file, problems);
        if (text == null) {
            return;
        }
        if (text.isBlank()) {
            problems.add(Problem.error(Problem.at(file, 0),
                    "the file is empty: its first line must name the columns, for example email,name"));
            return;
        }
        lines = new LineIndex(text);
        if (check(text)) {
            try {
                records = CSVParser.parse(text, FORMAT).iterator();
            } catch (IOException e) {
                // Declared for readers; a String in memory that check() parsed to its end cannot fail here.
                throw new UncheckedIOException(e);
            }
            records.next();
        }
    }

    /**
     * Reads the whole text once before any row is handed out: the header, then every record for its width. A quote
     * that is never closed swallows the rest of the file and is only found at its end; a file that does not parse
     * to the end has no rows at all, so no row before the break is checked, counted or queued.
     */
    private boolean check(String text) {
        List<Problem> widths = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> all = parser.iterator();
            if (!all.hasNext()) {
                return false;
            }
            CSVRecord header = all.next();
            readHeader(lines.lineOf(header.getCharacterPosition()), header);
            while (all.hasNext()) {
                CSVRecord record = all.next();
                if (record.size() > headerWidth) {
                    widths.add(Problem.error(Problem.at(file, lines.lineOf(record.getCharacterPosition())),
                            record.size() + " values but the header names " + headerWidth
                                    + " columns: put quotes around a value that contains a comma"));
                }
            }
            problems.addAll(widths);
            return true;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.addAll(widths);
            // commons-csv reports an unterminated quoted field this way, with the position in its message.
            problems.add(Problem.error(Problem.at(file, 0),
                    "cannot be read as CSV (" + e.getMessage() + "): look for a quote that is never closed"));
            return false;
        }
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
}

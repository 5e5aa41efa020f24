package org.lettermerge.recipients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lettermerge.problems.Problem;

/**
 * One CSV file as a header and rows, with the physical line each row starts on. Its separator — comma, semicolon
 * or tab — is recognised from the header line ({@link Separator#detect}).
 */
public final class CsvTable implements Table {

    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private Header header;
    private Separator separator = Separator.COMMA;
    private boolean readable;
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

    /** Every row at once, for files that are small (addresses to import). */
    public static Table.Result read(Path file) {
        return Table.Result.of(open(file));
    }

    /** "First Name" → first_name: see {@link Table#normalise}. */
    public static String normalise(String header) {
        return Table.normalise(header);
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
        return readable;
    }

    public Separator separator() {
        return separator;
    }

    @Override
    public String readAs() {
        return "CSV separated by " + separator.described();
    }

    @Override
    public String where(int line) {
        return Problem.at(file, line);
    }

    @Override
    public String where(int line, String column) {
        return Problem.at(file, line);
    }

    @Override
    public String sheet() {
        return null;
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
        return new Row(lines.lineOf(record.getCharacterPosition()),
                header.values(i -> i < record.size() ? record.get(i) : ""));
    }

    private void open() {
        String text = Utf8File.read(file, problems);
        if (text == null) {
            return;
        }
        readable = true;
        if (text.isBlank()) {
            problems.add(Problem.error(Problem.at(file, 0),
                    "the file is empty: its first line must name the columns, for example email,name"));
            return;
        }
        lines = new LineIndex(text);
        separator = Separator.detect(text);
        // RFC 4180 quoting, either line ending, blank lines tolerated: spreadsheets write all of these.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator.character())
                .setIgnoreEmptyLines(true).get();
        if (check(text, format)) {
            try {
                records = CSVParser.parse(text, format).iterator();
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
    private boolean check(String text, CSVFormat format) {
        List<Problem> widths = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> all = parser.iterator();
            if (!all.hasNext()) {
                return false;
            }
            CSVRecord first = all.next();
            header = new Header(first.toList(), i -> "column " + (i + 1),
                    Problem.at(file, lines.lineOf(first.getCharacterPosition())), problems);
            while (all.hasNext()) {
                CSVRecord record = all.next();
                if (record.size() > header.width()) {
                    widths.add(Problem.error(Problem.at(file, lines.lineOf(record.getCharacterPosition())),
                            record.size() + " values but the header names " + header.width() + " columns: put"
                                    + " quotes around a value that contains " + separator.one()));
                }
            }
            problems.addAll(widths);
            return true;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.addAll(widths);
            // commons-csv reports an unterminated quoted field this way, "(startline N) EOF reached before ...": the
            // line is the user's, the rest is the parser's.
            Matcher start = START_LINE.matcher(String.valueOf(e.getMessage()));
            problems.add(Problem.error(Problem.at(file, start.find() ? Integer.parseInt(start.group(1)) : 0),
                    "cannot be read as CSV: a quote (\") opens a value on this line and is never closed; close it,"
                            + " or remove it"));
            return false;
        }
    }
}

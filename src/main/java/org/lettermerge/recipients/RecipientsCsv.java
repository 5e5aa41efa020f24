package org.lettermerge.recipients;

import jakarta.mail.internet.AddressException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.lettermerge.problems.Problem;

/**
 * Reads a recipients list — a CSV file or a sheet of a workbook ({@link Table#open}) — one row at a time and checks every row before anything is merged or sent: each
 * {@link #next()} is the next mailable recipient; rows with errors and repeated addresses are skipped, and
 * their problems kept. Only the first line of each address is remembered (to name it in a duplicate's
 * warning), never the recipients themselves.
 */
public final class RecipientsCsv implements Iterator<Recipient> {

    public static final String EMAIL = "email";
    public static final String NAME = "name";

    /** A row skipped because an earlier row has the same address, in any case. */
    public record Duplicate(Recipient recipient, int firstLine) {}

    private final Table table;
    private final Set<String> checked = new LinkedHashSet<>(List.of(EMAIL, NAME));
    private final boolean hasRows;
    // The file's own problems come first, as when it was read whole; then this list's, in row order.
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> firstLines = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private int tableRows;
    private int count;
    private Recipient next;
    private boolean finished;

    private RecipientsCsv(Table table, Set<String> headerColumns) {
        this.table = table;
        checked.addAll(headerColumns);
        List<String> columns = table.columns();
        if (!columns.isEmpty() && !columns.contains(EMAIL)) {
            String where = table.sheet() == null ? Problem.at(table.file(), 1)
                    : Problem.display(table.file()) + ", sheet " + table.sheet();
            problems.add(Problem.error(where, "there is no 'email' column (columns: "
                    + String.join(", ", columns) + "): name the column holding the addresses 'email'"));
        }
        hasRows = columns.contains(EMAIL);
    }

    /** Checks control characters in email and name only. */
    public static RecipientsCsv open(Path file) {
        return open(file, Set.of());
    }

    /**
     * @param headerColumns columns the header templates (subject, To display name) use: a line break in them
     *                      would split a header, so they are checked like email and name
     */
    public static RecipientsCsv open(Path file, Set<String> headerColumns) {
        return open(file, null, headerColumns);
    }

    /** A list in a CSV file or a workbook; {@code sheet} (null: the first) only for a workbook. */
    public static RecipientsCsv open(Path file, String sheet, Set<String> headerColumns) {
        return new RecipientsCsv(Table.open(file, sheet), headerColumns);
    }

    /** Every recipient at once, for small lists. */
    public static RecipientList read(Path file) {
        return read(file, Set.of());
    }

    /** Every recipient at once, for small lists; see {@link #open(Path, Set)}. */
    public static RecipientList read(Path file, Set<String> headerColumns) {
        return read(file, null, headerColumns);
    }

    /** Every recipient at once, for small lists; see {@link #open(Path, String, Set)}. */
    public static RecipientList read(Path file, String sheet, Set<String> headerColumns) {
        RecipientsCsv csv = open(file, sheet, headerColumns);
        List<Recipient> recipients = new ArrayList<>();
        csv.forEachRemaining(recipients::add);
        return new RecipientList(file, csv.columns(), recipients,
                csv.duplicates().stream().map(Duplicate::recipient).toList(), csv.problems());
    }

    public Path file() {
        return table.file();
    }

    public List<String> columns() {
        return table.columns();
    }

    /** False when the file could not be read at all: its one problem says why, and nothing should add to it. */
    public boolean readable() {
        return table.readable();
    }

    /** How the list was read: "CSV separated by semicolons (;)", "sheet Officials of an Excel workbook". */
    public String readAs() {
        return table.readAs();
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            if (!hasRows || !table.hasNext()) {
                finish();
            } else {
                next = mailable(table.next());
            }
        }
        return next != null;
    }

    @Override
    public Recipient next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more recipients in " + file());
        }
        Recipient recipient = next;
        next = null;
        count++;
        return recipient;
    }

    /** How many recipients were handed out so far. */
    public int count() {
        return count;
    }

    public List<Duplicate> duplicates() {
        return List.copyOf(duplicates);
    }

    /** Every problem of the file, in row order: known once every row was read. */
    public List<Problem> problems() {
        if (!finished) {
            throw new IllegalStateException("the problems of " + file() + " are known once every row was read");
        }
        List<Problem> all = new ArrayList<>(table.problems());
        all.addAll(problems);
        return all;
    }

    /** The row as a recipient, or null when it is blank, has errors or repeats an address. */
    private Recipient mailable(Table.Row row) {
        tableRows++;
        if (row.values().values().stream().allMatch(String::isBlank)) {
            return null;
        }
        Recipient recipient = recipient(table, row, checked, problems);
        if (recipient == null) {
            return null;
        }
        Integer first = firstLines.putIfAbsent(recipient.key(), recipient.line());
        if (first == null) {
            return recipient;
        }
        duplicates.add(new Duplicate(recipient, first));
        problems.add(Problem.warning(recipient.where(), "duplicate of " + (table.sheet() == null ? "line " : "row ")
                + first
                + " (" + recipient.email() + "): skipped"));
        return null;
    }

    private void finish() {
        finished = true;
        if (hasRows && tableRows == 0 && table.problems().isEmpty()) {
            problems.add(Problem.error(table.sheet() == null ? Problem.at(file(), 0) : Problem.display(file())
                    + ", sheet " + table.sheet(), "has a header but no recipients: add one row per recipient"));
        }
    }

    /** The row as a recipient, or null after adding its problems. */
    private static Recipient recipient(Table table, Table.Row row, Set<String> checked, List<Problem> problems) {
        int before = problems.size();
        for (String column : checked) {
            String value = row.values().get(column);
            if (value != null && Addresses.hasControlCharacters(value)) {
                problems.add(cell(table, row, column, " ", "contains a line break or control character, and it goes"
                        + " into a mail header: remove it"));
            }
        }
        String raw = row.values().get(EMAIL).strip();
        String email = null;
        if (raw.isEmpty()) {
            problems.add(cell(table, row, EMAIL, " ", "is empty: fill in the address or delete the row"));
        } else if (!Addresses.hasControlCharacters(raw)) {
            try {
                email = Addresses.parseStrict(raw).getAddress();
            } catch (AddressException e) {
                problems.add(cell(table, row, EMAIL, ": ", "'" + raw + "' is not a usable address (" + reason(e)
                        + "): correct it"));
            }
        }
        return problems.size() == before && email != null ? new Recipient(table.file(), row.line(), email,
                withTrimmedEmail(row.values(), raw), table.sheet()) : null;
    }

    /**
     * A problem with one cell: a sheet's place names the cell ("row 7, column email (C7)"); a CSV line names the
     * column in the message, joined by {@code joint}.
     */
    private static Problem cell(Table table, Table.Row row, String column, String joint, String message) {
        return table.sheet() == null
                ? Problem.error(table.where(row.line()), "column '" + column + "'" + joint + message)
                : Problem.error(table.where(row.line(), column), message);
    }

    private static Map<String, String> withTrimmedEmail(Map<String, String> values, String email) {
        Map<String, String> fields = new LinkedHashMap<>(values);
        fields.put(EMAIL, email);
        return fields;
    }

    // AddressException.getMessage() appends "in string ``...'' at position n"; the reason alone reads better.
    static String reason(AddressException e) {
        String message = e.getMessage();
        int in = message.indexOf(" in string ");
        return in > 0 ? message.substring(0, in) : message;
    }
}

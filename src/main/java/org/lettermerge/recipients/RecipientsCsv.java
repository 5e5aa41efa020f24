package org.lettermerge.recipients;

import jakarta.mail.internet.AddressException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lettermerge.problems.Problem;

/** Reads a recipients CSV and checks every row before anything is merged or sent. */
public final class RecipientsCsv {

    public static final String EMAIL = "email";
    public static final String NAME = "name";

    private RecipientsCsv() {
    }

    /** Checks control characters in email and name only. */
    public static RecipientList read(Path file) {
        return read(file, Set.of());
    }

    /**
     * @param headerColumns columns the header templates (subject, To display name) use: a line break in them
     *                      would split a header, so they are checked like email and name
     */
    public static RecipientList read(Path file, Set<String> headerColumns) {
        CsvTable.Result table = CsvTable.read(file);
        List<Problem> problems = new ArrayList<>(table.problems());
        List<Recipient> recipients = new ArrayList<>();
        List<Recipient> duplicates = new ArrayList<>();
        if (!table.columns().isEmpty() && !table.columns().contains(EMAIL)) {
            problems.add(Problem.error(Problem.at(file, 1), "there is no 'email' column (columns: "
                    + String.join(", ", table.columns()) + "): name the column holding the addresses 'email'"));
        } else if (!table.columns().isEmpty()) {
            Set<String> checked = new LinkedHashSet<>(List.of(EMAIL, NAME));
            checked.addAll(headerColumns);
            Map<String, Recipient> byKey = new HashMap<>();
            for (CsvTable.Row row : table.rows()) {
                if (row.values().values().stream().allMatch(String::isBlank)) {
                    continue;
                }
                Recipient recipient = recipient(file, row, checked, problems);
                if (recipient == null) {
                    continue;
                }
                Recipient first = byKey.putIfAbsent(recipient.key(), recipient);
                if (first == null) {
                    recipients.add(recipient);
                } else {
                    duplicates.add(recipient);
                    problems.add(Problem.warning(recipient.where(), "duplicate of line " + first.line()
                            + " (" + recipient.email() + "): skipped"));
                }
            }
            if (table.rows().isEmpty() && table.problems().isEmpty()) {
                problems.add(Problem.error(Problem.at(file, 0), "has a header but no recipients: add one row per recipient"));
            }
        }
        return new RecipientList(file, table.columns(), recipients, duplicates, problems);
    }

    /** The row as a recipient, or null after adding its problems. */
    private static Recipient recipient(Path file, CsvTable.Row row, Set<String> checked, List<Problem> problems) {
        String where = Problem.at(file, row.line());
        int before = problems.size();
        for (String column : checked) {
            String value = row.values().get(column);
            if (value != null && Addresses.hasControlCharacters(value)) {
                problems.add(Problem.error(where, "column '" + column + "' contains a line break or control character,"
                        + " and it goes into a mail header: remove it"));
            }
        }
        String raw = row.values().get(EMAIL).strip();
        String email = null;
        if (raw.isEmpty()) {
            problems.add(Problem.error(where, "column 'email' is empty: fill in the address or delete the row"));
        } else if (!Addresses.hasControlCharacters(raw)) {
            try {
                email = Addresses.parseStrict(raw).getAddress();
            } catch (AddressException e) {
                problems.add(Problem.error(where, "column 'email': '" + raw + "' is not a usable address ("
                        + reason(e) + "): correct it"));
            }
        }
        return problems.size() == before && email != null
                ? new Recipient(file, row.line(), email, withTrimmedEmail(row.values(), raw)) : null;
    }

    private static Map<String, String> withTrimmedEmail(Map<String, String> values, String email) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(values);
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

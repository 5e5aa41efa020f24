package org.lettermerge.recipients;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.lettermerge.problems.Problem;

/**
 * One row of the recipient list that can be mailed.
 *
 * @param file   the list it came from, so any later error can name file:line
 * @param line   the line its record starts on
 * @param email  the address to deliver to: trimmed, case kept, domain in IDNA ASCII form
 * @param fields every column as written (including email), in column order, for the templates
 * @param sheet  the sheet of a workbook it came from ({@code line} is then the sheet's row number), or null
 */
public record Recipient(Path file, int line, String email, Map<String, String> fields, String sheet) {

    /** A row of a CSV file, or of a list whose sheet does not matter (rows of the log). */
    public Recipient(Path file, int line, String email, Map<String, String> fields) {
        this(file, line, email, fields, null);
    }

    public Recipient {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(email, "email");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
        if (email.isBlank() || !email.equals(email.strip())) {
            throw new IllegalArgumentException("email must be a trimmed, non-blank address: '" + email + "'");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The identity of a recipient in the delivery log: addresses are matched case-insensitively. */
    public String key() {
        return Addresses.key(email);
    }

    /** "recipients.csv:7" or "list.xlsx, sheet Officials, row 7", for problems about this row. */
    public String where() {
        return sheet == null ? Problem.at(file, line) : Problem.display(file) + ", sheet " + sheet + ", row " + line;
    }
}

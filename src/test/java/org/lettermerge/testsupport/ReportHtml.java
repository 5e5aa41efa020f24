package org.lettermerge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report as a partner reads it: a number of its totals table ({@code data-total}) and a cell of a
 * recipient's row, found by the markup the report writes, so a test compares it with status and the log.
 */
public record ReportHtml(String html) {

    public static ReportHtml read(Path file) {
        try {
            return new ReportHtml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number of the totals table: a state ("accepted") or "replied", "auto-reply", "bounced". */
    public int total(String name) {
        Matcher m = Pattern.compile("data-total=\"" + Pattern.quote(name) + "\">(\\d+)<").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no total " + name + " in the report:\n" + html);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The text of one cell ("replied", "bounced", "state", ...) of the recipient's row, as escaped in the HTML. */
    public String cell(String email, String kind) {
        Matcher row = Pattern.compile("<tr>(?:(?!</tr>).)*<td class=\"email\">" + Pattern.quote(email)
                + "</td>(?:(?!</tr>).)*</tr>").matcher(html);
        if (!row.find()) {
            throw new AssertionError("no row for " + email + " in the report:\n" + html);
        }
        Matcher cell = Pattern.compile("<td class=\"" + Pattern.quote(kind) + "\">([^<]*)</td>").matcher(row.group());
        if (!cell.find()) {
            throw new AssertionError("no " + kind + " cell in " + email + "'s row: " + row.group());
        }
        return cell.group(1);
    }
}

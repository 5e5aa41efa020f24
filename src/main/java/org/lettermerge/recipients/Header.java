package org.lettermerge.recipients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.lettermerge.problems.Problem;

/**
 * A header row read into column names, the same way for CSV files and sheets: each name normalised
 * ({@link Table#normalise}); a column without a usable name, or two that normalise alike, is a problem naming the
 * column as the user sees it ("column 3" in a CSV file, "column C" in a sheet) and what to do.
 */
final class Header {

    private final List<String> names = new ArrayList<>();
    // Where each kept column sits in a record: columns with unusable names are left out.
    private final List<Integer> positions = new ArrayList<>();
    private final int width;

    /**
     * @param raw   the header cells as written, by position (0-based)
     * @param label how the user names the column at a position: "column 3", "column C"
     */
    Header(List<String> raw, IntFunction<String> label, String where, List<Problem> problems) {
        this(raw, label, where, problems, i -> false);
    }

    /** @param reported positions whose missing name was already reported (cells covered by a merged one) */
    Header(List<String> raw, IntFunction<String> label, String where, List<Problem> problems, IntPredicate reported) {
        width = raw.size();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i) == null ? "" : raw.get(i);
            String name = Table.normalise(text);
            if (name.isEmpty() && reported.test(i)) {
                continue;
            }
            if (name.isEmpty()) {
                problems.add(Problem.error(where, label.apply(i) + " has no name"
                        + (text.isBlank() ? "" : " made of letters or digits ('" + text + "')")
                        + ": name it, or delete the column"));
            } else if (seen.containsKey(name)) {
                problems.add(Problem.error(where, "columns '" + seen.get(name) + "' and '" + text
                        + "' both become the name '" + name + "': rename one of them"));
            } else {
                seen.put(name, text);
                names.add(name);
                positions.add(i);
            }
        }
    }

    List<String> names() {
        return List.copyOf(names);
    }

    /** How many columns the header spans, named or not. */
    int width() {
        return width;
    }

    int position(String name) {
        return positions.get(names.indexOf(name));
    }

    /** A record's values by column name; a position the record lacks is empty. */
    Map<String, String> values(IntFunction<String> valueAt) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String value = valueAt.apply(positions.get(i));
            values.put(names.get(i), value == null ? "" : value);
        }
        return values;
    }
}

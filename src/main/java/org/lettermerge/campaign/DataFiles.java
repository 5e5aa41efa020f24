package org.lettermerge.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Table;

/**
 * Campaign-wide data for the templates: a CSV file or a sheet of a workbook becomes a list of rows (e.g. the signatories, iterated
 * with {@code {{#signatories}}…{{/signatories}}}); a YAML or JSON file becomes whatever it holds.
 */
final class DataFiles {

    private DataFiles() {}

    static Map<String, Object> read(Map<String, Path> files, Sheets sheets, List<Problem> problems) {
        Map<String, Object> data = new LinkedHashMap<>();
        files.forEach((name, file) -> {
            Object value = readOne(file, sheets.of(name), problems);
            if (value != null) {
                data.put(name, value);
            }
        });
        return data;
    }

    private static Object readOne(Path file, String sheet, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(Problem.display(file), "data file not found: check the path under 'data'"));
            return null;
        }
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean workbook = fileName.endsWith(".xlsx") || fileName.endsWith(".xlsm") || fileName.endsWith(".ods");
        if (sheet != null && !workbook) {
            problems.add(Problem.error(Problem.display(file), "only a workbook (.xlsx, .ods) has sheets: remove"
                    + " 'sheet', or point to the workbook that has the sheet '" + sheet + "'"));
            return null;
        }
        if (fileName.endsWith(".csv") || workbook) {
            Table.Result table = Table.read(file, sheet);
            problems.addAll(table.problems());
            List<Map<String, String>> rows = new ArrayList<>();
            table.rows().forEach(row -> rows.add(row.values()));
            return rows;
        }
        if (fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json")) {
            try {
                return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            } catch (IOException e) {
                problems.add(Problem.error(Problem.display(file), "cannot be read as YAML/JSON: " + e.getMessage()));
                return null;
            }
        }
        problems.add(Problem.error(Problem.display(file), "a data file must be .csv, .xlsx, .ods, .yaml, .yml or .json"));
        return null;
    }
}

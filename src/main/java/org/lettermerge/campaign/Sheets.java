package org.lettermerge.campaign;

import java.util.Map;

/**
 * Which sheet of a workbook the campaign reads its lists from, where the campaign file names one
 * ({@code recipients: {file: list.xlsx, sheet: Officials}}); absent means the first sheet, and a CSV file has none.
 *
 * @param recipients the sheet of the recipients workbook, or null
 * @param data       data name → the sheet of that data workbook
 */
public record Sheets(String recipients, Map<String, String> data) {

    public static final Sheets NONE = new Sheets(null, Map.of());

    public Sheets {
        data = Map.copyOf(data);
    }

    /** The sheet of the data file {@code name}, or null. */
    public String of(String name) {
        return data.get(name);
    }
}

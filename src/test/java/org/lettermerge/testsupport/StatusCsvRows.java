package org.lettermerge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** `status --format csv` as a spreadsheet reads it: the byte order mark Excel needs first, then rows by header. */
public final class StatusCsvRows {

    private StatusCsvRows() {}

    public static List<CSVRecord> of(String out) {
        assertThat(out).as("status CSV starts with a UTF-8 byte order mark").startsWith("\uFEFF");
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(out.substring(1))).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

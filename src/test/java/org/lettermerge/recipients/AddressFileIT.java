package org.lettermerge.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressFileIT {

    @TempDir
    Path dir;

    @Test
    void an_opt_out_list_saved_by_a_european_excel_reads_its_email_column() throws IOException {
        Path file = Files.writeString(dir.resolve("optouts.csv"), "\uFEFFName;Email\r\nAna Lima;ana@example.org\r\n"
                + "Bo;bo@example.org\r\n");

        AddressFile.Result read = AddressFile.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.addresses()).extracting(AddressFile.Entry::email)
                .containsExactly("ana@example.org", "bo@example.org");
    }
}

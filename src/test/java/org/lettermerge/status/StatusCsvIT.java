package org.lettermerge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignVersion;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.NewRecipient;

class StatusCsvIT {

    @TempDir
    Path dir;

    @Test
    void aRecipientsNameCannotBecomeAFormulaInTheStatusCsv() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
        try (DeliveryLog log = DeliveryLog.openOrCreate(dir.resolve("log.db"), clock)) {
            NewRecipient evil = new NewRecipient("evil@example.org", "evil@example.org", "=cmd|' /C calc'!A0",
                    Map.of("email", "evil@example.org"), "h", 2, "<1@example.org>");
            CampaignRecord c = log.createCampaign("c", "c.yaml",
                    new CampaignVersion(1, "x", Map.of(), "y", null), List.of(evil));
            StringWriter text = new StringWriter();

            StatusCsv.write(new PrintWriter(text), log.recipients(c));

            assertThat(text.toString().split("\r\n")).containsExactly(
                    "\uFEFF" + String.join(",", StatusCsv.COLUMNS),
                    "evil@example.org,'=cmd|' /C calc'!A0,QUEUED,0,,,<1@example.org>,,2025-03-01T09:00:00Z,false,,"
                            + ",no,,no,no,,no,");
        }
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasArePrefixedWithAnApostrophe() {
        assertThat(StatusCsv.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(StatusCsv.safe("+x")).isEqualTo("'+x");
        assertThat(StatusCsv.safe("-x")).isEqualTo("'-x");
        assertThat(StatusCsv.safe("@x")).isEqualTo("'@x");
        assertThat(StatusCsv.safe("\tx")).isEqualTo("'\tx");
        assertThat(StatusCsv.safe("\rx")).isEqualTo("'\rx");
        assertThat(StatusCsv.safe("=HYPERLINK(\"http://evil.example\")")).startsWith("'=");
    }

    @Test
    void ordinaryValuesAreUnchanged() {
        assertThat(StatusCsv.safe("ana@example.org")).isEqualTo("ana@example.org");
        assertThat(StatusCsv.safe("Ana Lima-Souza")).isEqualTo("Ana Lima-Souza");
        assertThat(StatusCsv.safe("250 2.0.0 Ok = queued")).isEqualTo("250 2.0.0 Ok = queued");
        assertThat(StatusCsv.safe("محمد")).isEqualTo("محمد");
        assertThat(StatusCsv.safe("")).isEmpty();
        assertThat(StatusCsv.safe(null)).isEmpty();
    }
}

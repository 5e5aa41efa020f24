package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Suppressions;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;

/** suppress add|remove|list|import as the organizer types them, against a real log file. */
class SuppressCommandsIT {

    @TempDir Path dir;

    private String db() {
        return dir.resolve("lettermerge.db").toString();
    }

    @Test
    void anAddedAddressIsListedWithItsReasonAndARemovedOneIsNotButTheHistoryKeepsBoth() {
        CliResult add = Cli.run("suppress", "add", "Ana@Example.org", "--reason", "asked by phone", "--db", db(),
                "--create");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("Ana@Example.org is suppressed");

        CliResult list = Cli.run("suppress", "list", "--db", db());
        assertThat(list.out()).contains("1 suppressed address").contains("Ana@Example.org").contains("manual")
                .contains("asked by phone").contains(System.getProperty("user.name"));

        // Matched case-insensitively, like recipient rows.
        CliResult remove = Cli.run("suppress", "remove", "ana@example.ORG", "--reason", "wrote back to opt in",
                "--db", db());
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(Cli.run("suppress", "list", "--db", db()).out()).contains("0 suppressed addresses")
                .doesNotContain("Ana@Example.org");

        CliResult history = Cli.run("suppress", "list", "--history", "--format", "csv", "--db", db());
        assertThat(history.out().split("\r\n")).hasSize(3).satisfies(lines -> {
            assertThat(lines[0]).isEqualTo("at,action,email,reason,source,by");
            assertThat(lines[1]).contains(",ADDED,Ana@Example.org,asked by phone,manual,");
            assertThat(lines[2]).contains(",REMOVED,Ana@Example.org,wrote back to opt in,manual,");
        });
    }

    @Test
    void theSuppressionHistoryCannotBeRewrittenInTheFile() {
        Cli.run("suppress", "add", "ana@example.org", "--reason", "asked", "--db", db(), "--create");

        try (DeliveryLog log = DeliveryLog.openExisting(dir.resolve("lettermerge.db"), Clock.systemUTC())) {
            assertThat(log.suppressions().history()).hasSize(1);
        }
        assertThat(LogRows.query(dir.resolve("lettermerge.db"), "SELECT count(*) AS n FROM suppression_event"))
                .singleElement().satisfies(row -> assertThat(row.get("n")).isEqualTo(1));
        assertThatThrownBy(() -> LogRows.query(dir.resolve("lettermerge.db"),
                        "DELETE FROM suppression_event RETURNING id"))
                .hasMessageContaining("append-only");
    }

    @Test
    void theCsvListCannotRunAsAFormulaInASpreadsheet() {
        Cli.run("suppress", "add", "ana@example.org", "--reason", "=HYPERLINK(\"http://evil.example\")", "--db", db(),
                "--create");

        CliResult csv = Cli.run("suppress", "list", "--format", "csv", "--db", db());

        assertThat(csv.out().split("\r\n")).hasSize(2).satisfies(lines -> {
            assertThat(lines[0]).isEqualTo("email,reason,source,added_at,added_by");
            assertThat(lines[1]).startsWith("ana@example.org,\"'=HYPERLINK(\"\"http://evil.example\"\")\",manual,");
        });
    }

    @Test
    void anUnusableAddressOrOneNotOnTheListIsInvalidInputAndChangesNothing() {
        CliResult bad = Cli.run("suppress", "add", "Ana <ana@example.org>", "--reason", "x", "--db", db(), "--create");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("is not a usable address");

        Cli.run("suppress", "add", "bea@example.org", "--reason", "x", "--db", db(), "--create");
        CliResult absent = Cli.run("suppress", "remove", "ana@example.org", "--db", db());
        assertThat(absent.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(absent.err()).contains("ana@example.org is not on the suppression list");
    }

    @Test
    void aMistypedDatabaseIsAnErrorNotANewEmptyList() {
        CliResult add = Cli.run("suppress", "add", "ana@example.org", "--reason", "x", "--db", db());

        assertThat(add.exitCode()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
        assertThat(dir.resolve("lettermerge.db")).doesNotExist();
    }

    @Test
    void importReadsACsvWithAnEmailColumnAndAPlainListOfAddresses() throws Exception {
        Path csv = Files.writeString(dir.resolve("optouts.csv"), """
                name,Email
                Ana,ana@example.org
                "Bea, Jr.",bea@example.org
                """);
        Path plain = Files.writeString(dir.resolve("bounced.txt"), """
                # addresses from the old list
                cy@example.org

                BEA@example.org
                """);

        CliResult first = Cli.run("suppress", "import", csv.toString(), "--db", db(), "--create");
        CliResult second = Cli.run("suppress", "import", plain.toString(), "--reason", "old list", "--db", db());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Imported 2 addresses");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Imported 1 address").contains("1 already on the list");
        try (DeliveryLog log = DeliveryLog.openExisting(dir.resolve("lettermerge.db"), Clock.systemUTC())) {
            assertThat(log.suppressions().list()).extracting(Suppressions.Entry::email, Suppressions.Entry::reason,
                    Suppressions.Entry::source).containsExactlyInAnyOrder(
                    tuple("ana@example.org", "imported from optouts.csv",
                            Suppressions.Source.IMPORT),
                    tuple("bea@example.org", "imported from optouts.csv",
                            Suppressions.Source.IMPORT),
                    tuple("cy@example.org", "old list", Suppressions.Source.IMPORT));
        }
    }

    @Test
    void anImportWithOneBadLineNamesItAndImportsNothing() throws Exception {
        Cli.run("suppress", "add", "zed@example.org", "--reason", "x", "--db", db(), "--create");
        Path file = Files.writeString(dir.resolve("optouts.txt"), """
                ana@example.org
                bea@example.org
                not an address
                cy@example.org
                """);

        CliResult run = Cli.run("suppress", "import", file.toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("nothing was imported").contains("optouts.txt:3")
                .contains("'not an address' is not a usable address");
        try (DeliveryLog log = DeliveryLog.openExisting(dir.resolve("lettermerge.db"), Clock.systemUTC())) {
            assertThat(log.suppressions().list()).extracting(Suppressions.Entry::email)
                    .containsExactly("zed@example.org");
        }
    }
}

package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.recipients.RecipientsCsv;
import org.lettermerge.testsupport.CampaignFixture;

class RecipientRowsIT {

    private static final String THREE_AND_A_DUPLICATE = """
            email,name
            ana@example.org,Ana
            bo@example.org,Bo
            ANA@example.org,Ana again
            cy@example.org,Cy
            """;

    @TempDir
    Path dir;

    private static List<String> emails(Iterable<Recipient> rows) {
        List<String> emails = new ArrayList<>();
        rows.forEach(r -> emails.add(r.email()));
        return emails;
    }

    private static List<String> queued(Iterable<RecipientRows.Checked> rows) {
        List<String> emails = new ArrayList<>();
        rows.forEach(r -> emails.add(r.recipient().email()));
        return emails;
    }

    @Test
    void preflightKeepsTheCountTheDuplicatesAndTheHashButReadsTheRowsAgainFromTheFile() {
        CampaignFixture folder = CampaignFixture.standard(dir).write("recipients.csv", THREE_AND_A_DUPLICATE);
        RecipientRows rows = folder.prepare().recipients();

        assertThat(rows.count()).isEqualTo(3);
        assertThat(rows.columns()).containsExactly("email", "name");
        assertThat(rows.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.recipient().line()).isEqualTo(4);
            assertThat(d.firstLine()).isEqualTo(2);
        });
        RecipientsHash hash = new RecipientsHash();
        RecipientsCsv.open(folder.path("recipients.csv")).forEachRemaining(hash::add);
        assertThat(rows.hash()).isEqualTo(hash.value());
        assertThat(emails(rows.reread())).containsExactly("ana@example.org", "bo@example.org", "cy@example.org");

        folder.write("recipients.csv", "email,name\nzed@example.org,Zed\n");
        assertThat(rows.first()).get().extracting(Recipient::email).isEqualTo("zed@example.org");
    }

    @Test
    void rowsForQueuingPassWhenTheFileHoldsTheRowsPreflightChecked() {
        CampaignFixture folder = CampaignFixture.standard(dir).write("recipients.csv", THREE_AND_A_DUPLICATE);
        RecipientRows rows = folder.prepare().recipients();
        // The same rows in another order, without the duplicate: nothing that was not checked.
        folder.write("recipients.csv", """
                email,name
                cy@example.org,Cy
                bo@example.org,Bo
                ana@example.org,Ana
                """);

        assertThat(queued(rows.forQueuing())).containsExactly("cy@example.org", "bo@example.org", "ana@example.org");
        // Each row comes with the row hash the log stores, computed once for the check.
        assertThat(rows.forQueuing())
                .allSatisfy(c -> assertThat(c.rowHash()).isEqualTo(Fingerprint.row(c.recipient().fields())));
    }

    @Test
    void rowsForQueuingAreRefusedOnceTheyRunOutIfARowChangedSincePreflight() {
        CampaignFixture folder = CampaignFixture.standard(dir).write("recipients.csv", THREE_AND_A_DUPLICATE);
        RecipientRows rows = folder.prepare().recipients();
        folder.write("recipients.csv", THREE_AND_A_DUPLICATE.replace("Bo\n", "Robert\n"));

        assertThatThrownBy(() -> queued(rows.forQueuing())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.where()).isEqualTo(Problem.display(folder.path("recipients.csv")));
                    assertThat(p.message()).startsWith("changed after it was checked, while it was being queued: "
                            + "nothing was queued; run the command again");
                }));
    }

    @Test
    void rowsForQueuingAreRefusedIfTheFileGainedARowWithAnError() {
        CampaignFixture folder = CampaignFixture.standard(dir).write("recipients.csv", THREE_AND_A_DUPLICATE);
        RecipientRows rows = folder.prepare().recipients();
        // The mailable rows, and so their hash, are unchanged: the error alone says the file is not the one checked.
        folder.write("recipients.csv", THREE_AND_A_DUPLICATE + "not-an-address,Zed\n");

        assertThatThrownBy(() -> queued(rows.forQueuing())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changed after it was checked");
    }
}

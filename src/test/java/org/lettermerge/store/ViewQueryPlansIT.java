package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views (status, its CSV and JSON, the report) must not read a whole table on a log of 100,000 letters: each of
 * their queries is answered by an index. Read with SQLite's own EXPLAIN QUERY PLAN on a log the code created.
 */
class ViewQueryPlansIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theReportsChartReadsOnlyTheCampaignsAcceptancesThroughAnIndex() throws Exception {
        assertThat(plan("accepted-per-minute")).anyMatch(s -> s.contains("USING INDEX event_accepted")).noneMatch(s -> s.startsWith("SCAN"));
    }

    @Test
    void everyRowOrOneStateOfACampaignIsReadInOrderWithoutASort() throws Exception {
        assertThat(plan("recipients-shown")).anyMatch(s -> s.contains("USING INDEX recipient_shown_state"))
                .noneMatch(s -> s.contains("TEMP B-TREE"));
        assertThat(plan("recipients-accepted-at")).anyMatch(s -> s.contains("USING INDEX recipient_campaign"))
                .anyMatch(s -> s.contains("USING INDEX event_recipient")).noneMatch(s -> s.contains("TEMP B-TREE"));
    }

    @Test
    void theSchedulersDueLettersAreFoundThroughTheShownStateIndexInIdOrder() throws Exception {
        // Two searches (queued, deferred), each in id order; the only sort merges their two short pages.
        List<String> plan = plan("due-rows");
        assertThat(plan).filteredOn(s -> s.contains("USING INDEX recipient_shown_state")).hasSize(2);
        assertThat(plan).noneMatch(s -> s.startsWith("SCAN recipient")).noneMatch(s -> s.contains("recipient_campaign"));
    }

    private List<String> plan(String query) throws Exception {
        Path file = dir.resolve("log.db");
        DeliveryLog.openOrCreate(file, CLOCK).close();
        String sql = NamedQueries.load("queries.sql").get(query);
        List<String> steps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement st = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= st.getParameterMetaData().getParameterCount(); i++) {
                st.setObject(i, i == 2 ? "DEFERRED" : 1);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
        }
        return steps;
    }
}

package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedQueriesTest {

    @Test
    void eachNamedBlockBecomesOneQueryWithoutItsComments() {
        Map<String, String> queries = NamedQueries.parse("""
                -- A file header that belongs to no query.
                SELECT 'ignored before the first name';

                -- name: first
                SELECT a
                FROM t;

                -- A comment about the second query.
                -- name: second
                UPDATE t SET a = ?
                  -- an inline note
                WHERE id = ?;
                """);

        assertThat(queries).containsOnlyKeys("first", "second");
        assertThat(queries.get("first")).isEqualTo("SELECT a\nFROM t;");
        assertThat(queries.get("second")).isEqualTo("UPDATE t SET a = ?\nWHERE id = ?;");
    }

    @Test
    void theShippedQueriesIncludeTheConditionalClaim() {
        NamedQueries queries = NamedQueries.load("queries.sql");

        assertThat(queries.get("claim")).contains("state IN ('QUEUED', 'DEFERRED')", "removed_at IS NULL");
        assertThatThrownBy(() -> queries.get("no-such-query")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-query");
    }
}

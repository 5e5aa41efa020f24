package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void statementsAreSplitAtLineEndSemicolonsKeepingTriggerBodiesWhole() {
        List<String> statements = Database.splitStatements("""
                -- a comment; with a semicolon
                CREATE TABLE t (
                    a TEXT  -- note
                );

                CREATE TRIGGER t_no_delete BEFORE DELETE ON t
                BEGIN
                    SELECT RAISE(ABORT, 'no');
                    SELECT 1;
                END;
                CREATE INDEX t_a ON t(a);
                """);

        assertThat(statements).containsExactly(
                "CREATE TABLE t (\n    a TEXT  -- note\n);",
                "CREATE TRIGGER t_no_delete BEFORE DELETE ON t\nBEGIN\n    SELECT RAISE(ABORT, 'no');\n"
                        + "    SELECT 1;\nEND;",
                "CREATE INDEX t_a ON t(a);");
    }
}

package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void statementsAreSplitAtLineEndSemicolonsKeepingTriggerBodiesWholeAndCommentsOut() {
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
                ALTER TABLE t ADD COLUMN b TEXT;   -- a trailing comment must not hide the semicolon
                ALTER TABLE t ADD COLUMN c TEXT;
                """);

        assertThat(statements).containsExactly(
                "CREATE TABLE t (\n    a TEXT  \n);",
                "CREATE TRIGGER t_no_delete BEFORE DELETE ON t\nBEGIN\n    SELECT RAISE(ABORT, 'no');\n"
                        + "    SELECT 1;\nEND;",
                "CREATE INDEX t_a ON t(a);",
                "ALTER TABLE t ADD COLUMN b TEXT;",
                "ALTER TABLE t ADD COLUMN c TEXT;");
    }
}

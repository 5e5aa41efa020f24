package org.lettermerge.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rows straight from a delivery log file with plain SQL, so tests check what is stored, not what is printed. */
public final class LogRows {

    private LogRows() {}

    /** Every row of the query as a column → value map, in query order. */
    public static List<Map<String, Object>> query(Path database, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }

    /** The recipient rows, by line, with the columns most tests look at. */
    public static List<Map<String, Object>> recipients(Path database) {
        return query(database, "SELECT email, name, state, attempts, message_id, removed_at FROM recipient ORDER BY line");
    }
}

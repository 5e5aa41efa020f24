package org.lettermerge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;
import org.sqlite.Function;

/**
 * A recipient's address and name as the dashboard's search compares them: Unicode lower case of the composed (NFC)
 * text, so a search typed on any keyboard finds "Élise", "DUBOIS-LÉGER" or "مريم" however the CSV spelled them.
 * SQLite's own lower() folds only A-Z; this is computed in Java when a row is written, and kept in search_text.
 */
public final class SearchText {

    private SearchText() {}

    /** What is searched for, folded the same way. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    static String of(String email, String name) {
        return fold(email + (name == null ? "" : "\n" + name));
    }

    /**
     * Whether a row's address or name holds {@code search} (folded by {@link #fold}): the test the page queries make
     * with instr(search_text, ?), for rows the caller already holds.
     */
    public static boolean matches(String search, String email, String name) {
        return of(email, name).contains(search);
    }

    /** lettermerge_fold(email, name) for the migration that fills in rows written before the column existed. */
    static void register(Connection connection) throws SQLException {
        Function.create(connection, "lettermerge_fold", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(of(value_text(0), value_text(1)));
            }
        });
    }
}

package org.lettermerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFieldsIT {

    @Test
    void theJsonIsReadOnlyWhenTheFieldsAreFirstUsedAndThenOnce() {
        List<String> parsed = new ArrayList<>();
        Function<String, Map<String, String>> parse = json -> {
            parsed.add(json);
            return Map.of("name", "Élise", "email", "e@example.org");
        };

        JsonFields fields = new JsonFields("{\"email\":\"e@example.org\",\"name\":\"Élise\"}", parse);
        assertThat(parsed).isEmpty();

        assertThat(fields.get("name")).isEqualTo("Élise");
        assertThat(fields).isEqualTo(Map.of("email", "e@example.org", "name", "Élise")).hasSize(2);
        assertThat(parsed).hasSize(1);
    }

    @Test
    void fieldsTheLogCannotReadAreADeliveryLogErrorWhenUsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.db");
        try (DeliveryLog log = DeliveryLog.openOrCreate(file, LogFixtures.CLOCK)) {
            CampaignRecord c = LogFixtures.campaign(log, LogFixtures.row("a@example.org", 2));
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = db.createStatement()) {
                st.executeUpdate("UPDATE recipient SET fields = '{not json'");
            }

            StoredRecipient row = log.recipients(c).get(0);

            assertThat(row.email()).isEqualTo("a@example.org");
            assertThatThrownBy(() -> row.fields().get("name")).isInstanceOf(DeliveryLogException.class)
                    .hasMessageContaining("unreadable");
        }
    }

    @Test
    void theFieldsCannotBeChanged() {
        JsonFields fields = new JsonFields("{}", json -> new HashMap<>(Map.of("a", "1")));

        assertThatThrownBy(() -> fields.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

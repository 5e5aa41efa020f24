package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.smtp.Security;

class OverridesIT {

    @TempDir
    Path dir;

    private Campaign campaign(String smtp) throws IOException {
        return CampaignFile.load(Files.writeString(dir.resolve("c.yaml"), """
                from: "Coalition <letters@example.org>"
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                """ + smtp));
    }

    @Test
    void aRateOverrideReplacesTheFilesRateAndKeepsItsDailyCap() throws IOException {
        Campaign c = campaign("smtp: { host: smtp.example.org, rate: 30/min, daily_cap: 500 }\n");

        Campaign fast = Overrides.apply(c, Overrides.of(null, null, null, "2/s"));

        assertThat(fast.smtp().pacing().limits().rate().toString()).isEqualTo("2/s");
        assertThat(fast.smtp().pacing().limits().dailyCap()).isEqualTo(500);
        assertThat(c.smtp().pacing().limits().rate().toString()).isEqualTo("30/min");
    }

    @Test
    void aHostOverrideSendsASandboxCampaignToThatServerInClearTextOnPort25ByDefault() throws IOException {
        Campaign c = campaign("smtp: sandbox\n");

        Campaign relayed = Overrides.apply(c, Overrides.of("127.0.0.1", 2525, "none", null));

        SmtpChoice.Relay relay = (SmtpChoice.Relay) relayed.smtp();
        assertThat(relay.settings().host()).isEqualTo("127.0.0.1");
        assertThat(relay.settings().port()).isEqualTo(2525);
        assertThat(relay.settings().security()).isEqualTo(Security.NONE);
        assertThat(Overrides.apply(c, Map.of()).smtp()).isInstanceOf(SmtpChoice.Sandbox.class);
    }

    @Test
    void aBadRateOverrideNamesTheOption() throws IOException {
        Campaign c = campaign("smtp: { host: smtp.example.org }\n");

        assertThatThrownBy(() -> Overrides.apply(c, Overrides.of(null, null, null, "fast")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--rate: ");
    }
}

package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    @Test
    void defaultsFollowTheRfcTimeouts() {
        SmtpSettings settings = SmtpSettings.of("smtp.example.org", 587, Security.STARTTLS);

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.dataEndTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.username()).isNull();
        assertThat(settings.address()).isEqualTo("smtp.example.org:587");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.org", 0, Security.TLS))
                .hasMessageContaining("1-65535");
    }

    @Test
    void rejectsAHeloNameThatCouldInjectACommand() {
        SmtpSettings settings = SmtpSettings.of("smtp.example.org", 25, Security.NONE);

        assertThatThrownBy(() -> settings.withHelo("me\r\nRCPT TO:<x@example.org>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAZeroTimeoutWhichAngusWouldTakeAsForever() {
        SmtpSettings settings = SmtpSettings.of("smtp.example.org", 25, Security.NONE);

        assertThatThrownBy(() -> settings.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
    }

    @Test
    void securityParsesAnyCaseAndListsTheChoicesOtherwise() {
        assertThat(Security.parse("StartTLS")).isEqualTo(Security.STARTTLS);
        assertThatThrownBy(() -> Security.parse("ssl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none, starttls, tls");
    }

    @Test
    void onlyThisMachineCountsAsLoopbackAndOnlyByItsAddressOrLocalhost() {
        assertThat(SmtpSettings.isLoopback("127.0.0.1")).isTrue();
        assertThat(SmtpSettings.isLoopback("127.0.0.2")).isTrue();
        assertThat(SmtpSettings.isLoopback("LOCALHOST")).isTrue();
        assertThat(SmtpSettings.isLoopback("::1")).isTrue();
        assertThat(SmtpSettings.isLoopback("localhost.example.org")).isFalse();
        assertThat(SmtpSettings.isLoopback("127.0.0.1.example.org")).isFalse();
        assertThat(SmtpSettings.isLoopback("smtp.example.org")).isFalse();
    }
}

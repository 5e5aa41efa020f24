package org.lettermerge.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void everyKindOfLineBreakBecomesCrLf() {
        assertThat(text(WireText.of("a\nb\r\nc\rd\r\n\ne"))).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\ne");
    }

    @Test
    void theBytesAreTheUtf8OfTheTextWhateverItsScript() {
        String letter = "Chère مريم الحسيني, 山田 太郎 — Réseau Côte d’Ivoire ✊🏾 \u0000end";

        WireText wire = WireText.of(letter);

        assertThat(wire.bytes()).isEqualTo(letter.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsJavaWritesIt() {
        String broken = "a\uD83Db";

        assertThat(WireText.of(broken).bytes()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLineFitsSmtpUpTo998OctetsNotCountingItsLineBreak() {
        // "é" is two octets: 499 of them are 998 octets, 500 are one too many.
        assertThat(WireText.of("é".repeat(499) + "\r\nshort").fitsEightBit()).isTrue();
        assertThat(WireText.of("short\n" + "é".repeat(500)).fitsEightBit()).isFalse();
        assertThat(WireText.of("é".repeat(500)).longestLine()).isEqualTo(1000);
    }

    @Test
    void aNulNeverTravelsAsEightBit() {
        assertThat(WireText.of("a\u0000b").fitsEightBit()).isFalse();
    }

    @Test
    void textIsMostlyAsciiWhileAtMostHalfOfItsCharactersAreNot() {
        assertThat(WireText.of("abé").mostlyAscii()).isTrue();
        assertThat(WireText.of("abéé").mostlyAscii()).isTrue();
        assertThat(WireText.of("aééé").mostlyAscii()).isFalse();
        assertThat(WireText.of("山田 太郎").mostlyAscii()).isFalse();
    }

    private static String text(WireText wire) {
        return new String(wire.bytes(), StandardCharsets.UTF_8);
    }
}

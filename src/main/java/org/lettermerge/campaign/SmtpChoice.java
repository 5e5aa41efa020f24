package org.lettermerge.campaign;

import java.util.Objects;
import org.lettermerge.smtp.SmtpSettings;

/** Where a campaign's letters go: the built-in sandbox server, or a real SMTP relay. */
public sealed interface SmtpChoice {

    /** The embedded GreenMail server, started in-process; every message is kept as an .eml file. */
    record Sandbox() implements SmtpChoice {
        @Override
        public Pacing pacing() {
            return Pacing.UNLIMITED;
        }

        @Override
        public String account() {
            return "sandbox";
        }
    }

    /**
     * A real relay. The password is never in the campaign file: {@code passwordEnv} names the environment
     * variable that holds it (null when the relay needs no authentication or a prompt is wanted).
     *
     * @param inFile the settings as the campaign file gives them, before command-line overrides (--smtp-port, ...),
     *               so the user can be told what an override changed; null when the file names no relay
     */
    record Relay(SmtpSettings settings, String passwordEnv, Pacing pacing, SmtpSettings inFile) implements SmtpChoice {
        public Relay {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(pacing, "pacing");
        }

        /** A relay as the campaign file gives it. */
        public Relay(SmtpSettings settings, String passwordEnv, Pacing pacing) {
            this(settings, passwordEnv, pacing, settings);
        }

        /** host:port:username — the sending budget is per account, shared by every campaign using it. */
        @Override
        public String account() {
            return settings.host().toLowerCase(java.util.Locale.ROOT) + ":" + settings.port() + ":"
                    + (settings.username() == null ? "" : settings.username());
        }
    }

    Pacing pacing();

    String account();
}

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
     * @param auth   how the relay is signed in to: a password, or an access token from the campaign's oauth sign-in
     * @param inFile the settings as the campaign file gives them, before command-line overrides (--smtp-port, ...),
     *               so the user can be told what an override changed; null when the file names no relay
     */
    record Relay(SmtpSettings settings, String passwordEnv, Pacing pacing, SmtpSettings inFile, Auth auth)
            implements SmtpChoice {
        public Relay {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(pacing, "pacing");
            Objects.requireNonNull(auth, "auth");
        }

        /** A relay as the campaign file gives it, signed in to with a password. */
        public Relay(SmtpSettings settings, String passwordEnv, Pacing pacing) {
            this(settings, passwordEnv, pacing, settings, Auth.PASSWORD);
        }

        /** A relay signed in to with a password, after overrides. */
        public Relay(SmtpSettings settings, String passwordEnv, Pacing pacing, SmtpSettings inFile) {
            this(settings, passwordEnv, pacing, inFile, Auth.PASSWORD);
        }

        /** Whether letters go out after a sign-in (SASL XOAUTH2) rather than a password. */
        public boolean signsInWithOAuth() {
            return auth == Auth.OAUTH2 && settings.username() != null;
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

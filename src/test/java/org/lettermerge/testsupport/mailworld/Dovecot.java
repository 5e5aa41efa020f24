package org.lettermerge.testsupport.mailworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private Dovecot instance in {@code dir}: IMAP and LMTP on 127.0.0.1 only, users from a passwd-file, Maildirs
 * under {@code dir/mail/DOMAIN/USER}, Sieve (Pigeonhole) on LMTP delivery, its vacation replies and rejection
 * notices submitted back through the private Postfix. Mail is stored as {@code nobody}: Dovecot refuses root.
 */
final class Dovecot {

    private final Path dir;
    private final Installed programs;

    Dovecot(Path dir, Installed programs) {
        this.dir = dir;
        this.programs = programs;
    }

    void configure(int imapPort, int lmtpPort, int smtpPort, String postmaster, List<MailUser> users)
            throws IOException {
        StringBuilder passwd = new StringBuilder();
        for (MailUser u : users) {
            passwd.append(u.address()).append(":{PLAIN}").append(u.password()).append("::::::\n");
            Path home = Files.createDirectories(home(u.address()));
            if (u.sieve() != null) {
                Files.writeString(home.resolve(".dovecot.sieve"), u.sieve());
            }
        }
        Files.writeString(dir.resolve("users"), passwd);
        ownedByNobody(dir.resolve("mail"));
        Files.writeString(dir.resolve("dovecot.conf"), """
                instance_name = lm-test-%2$d
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                info_log_path = %1$s/dovecot.log
                protocols = imap lmtp
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:~/Maildir
                recipient_delimiter = +
                lmtp_save_to_detail_mailbox = no
                lmtp_hdr_delivery_address = original
                # Vacation replies and rejection notices go back through the private Postfix.
                submission_host = 127.0.0.1:%4$d
                postmaster_address = %5$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = passwd-file
                  args = username_format=%%u %1$s/users
                  default_fields = uid=nobody gid=nogroup home=%1$s/mail/%%d/%%n
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service lmtp {
                  inet_listener lmtp {
                    address = 127.0.0.1
                    port = %3$d
                  }
                }
                protocol lmtp {
                  mail_plugins = $mail_plugins sieve
                }
                plugin {
                  sieve = file:~/sieve;active=~/.dovecot.sieve
                }
                """.formatted(dir, imapPort, lmtpPort, smtpPort, postmaster));
    }

    /** Dovecot in the foreground ({@code -F}), ending by itself after {@link Daemon#LIFETIME} at the latest. */
    Daemon start() {
        return Daemon.start("Dovecot", dir.resolve("dovecot.out"), programs.dovecot().toString(), "-F",
                "-c", dir.resolve("dovecot.conf").toString());
    }

    Path maildir(String address) {
        return home(address).resolve("Maildir");
    }

    Path log() {
        return dir.resolve("dovecot.log");
    }

    private Path home(String address) {
        int at = address.indexOf('@');
        return dir.resolve("mail").resolve(address.substring(at + 1)).resolve(address.substring(0, at));
    }

    private static void ownedByNobody(Path root) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(nobody);
                view.setGroup(nogroup);
            }
        }
    }
}

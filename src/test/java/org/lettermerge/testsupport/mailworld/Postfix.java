package org.lettermerge.testsupport.mailworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private Postfix instance in {@code dir}: its own config ({@code dir/etc}), queue, data and log, one SMTP
 * listener on 127.0.0.1, local domains delivered to Dovecot over LMTP and every other destination an error, so
 * nothing can leave the machine. Queue times are short so that a deferral or an expiry shows within minutes.
 */
final class Postfix {

    /** The queue folders a message waits in; all empty means every message was delivered or bounced. */
    private static final List<String> QUEUES = List.of("maildrop", "incoming", "active", "deferred", "hold");

    private final Path dir;
    private final Installed programs;

    Postfix(Path dir, Installed programs) {
        this.dir = dir;
        this.programs = programs;
    }

    /** Writes the configuration and creates the queue; {@code virtual} maps extra addresses ("a@d b@d" lines). */
    void configure(int smtpPort, int lmtpPort, List<String> domains, List<String> virtual) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("spool"));
        Path data = Files.createDirectories(dir.resolve("data"));
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(data, users.lookupPrincipalByName("postfix"));
        Files.copy(Path.of("/etc/postfix/master.cf"), etc.resolve("master.cf"));
        Files.writeString(etc.resolve("virtual"), String.join("\n", virtual) + "\n");
        Files.writeString(etc.resolve("main.cf"), """
                compatibility_level = 3.6
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                myhostname = mail.%1$s
                mydomain = %1$s
                myorigin = %1$s
                mydestination = %2$s
                mynetworks = 127.0.0.0/8
                queue_directory = %3$s/spool
                data_directory = %3$s/data
                maillog_file = %3$s/postfix.log
                maillog_file_prefixes = %3$s
                alias_maps =
                alias_database =
                # To Dovecot, so Sieve runs; any address is accepted at RCPT and Dovecot's 550 5.1.1 makes a real DSN.
                local_transport = lmtp:inet:127.0.0.1:%4$d
                local_recipient_maps =
                recipient_delimiter = +
                virtual_alias_maps = texthash:%3$s/etc/virtual
                # Nothing can leave the machine.
                default_transport = error:external delivery disabled
                relay_transport = error:external delivery disabled
                smtp_dns_support_level = disabled
                lmtp_dns_support_level = disabled
                minimal_backoff_time = 30s
                maximal_backoff_time = 60s
                queue_run_delay = 30s
                delay_warning_time = 1m
                maximal_queue_lifetime = 8m
                bounce_queue_lifetime = 8m
                """.formatted(domains.get(0), String.join(", ", domains), dir, lmtpPort));
        postconf("-F", "*/*/chroot = n");
        // Only our listener: the copied master.cf's smtp (port 25) and any other inet service go.
        for (String line : postconf("-M").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 1 && f[1].equals("inet")) {
                postconf("-MX", f[0] + "/inet");
            }
        }
        postconf("-M", "127.0.0.1:" + smtpPort + "/inet = 127.0.0.1:" + smtpPort + " inet n - n - - smtpd");
        List<String> listeners = Arrays.stream(postconf("-M").split("\n"))
                .filter(l -> l.trim().split("\\s+").length > 1 && l.trim().split("\\s+")[1].equals("inet")).toList();
        if (listeners.size() != 1 || !listeners.get(0).startsWith("127.0.0.1:" + smtpPort)) {
            throw new IllegalStateException("the private Postfix would listen on more than 127.0.0.1:" + smtpPort
                    + ": " + listeners);
        }
        Daemon.run(programs.postfix().toString(), "-c", etc.toString(), "check");
    }

    /** Postfix's master in the foreground, ending by itself after {@link Daemon#LIFETIME} at the latest. */
    Daemon start() {
        return Daemon.start("Postfix master", dir.resolve("master.out"), programs.postfixMaster().toString(),
                "-c", dir.resolve("etc").toString(), "-s", "-e", String.valueOf(Daemon.LIFETIME.toSeconds()));
    }

    /** True when no message waits in any queue: each was delivered, bounced, or handed to Dovecot. */
    boolean queueEmpty() {
        for (String q : QUEUES) {
            Path folder = dir.resolve("spool").resolve(q);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    if (files.anyMatch(Files::isRegularFile)) {
                        return false;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // A queue file removed while walking: the queue is moving, not empty yet.
                    return false;
                }
            }
        }
        return true;
    }

    Path log() {
        return dir.resolve("postfix.log");
    }

    private String postconf(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = programs.postconf().toString();
        command[1] = "-c";
        command[2] = dir.resolve("etc").toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return Daemon.run(command);
    }
}

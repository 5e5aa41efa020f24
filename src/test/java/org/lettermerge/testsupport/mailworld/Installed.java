package org.lettermerge.testsupport.mailworld;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Debian's postfix, dovecot-imapd, dovecot-lmtpd and dovecot-sieve put the programs a mail world runs. A
 * missing one fails the test with what to do: tests that need real mail software never skip silently, since CI
 * installs it (.ci/run).
 */
record Installed(Path postconf, Path postfix, Path postfixMaster, Path dovecot) {

    static final String INSTALL = "run .ci/run (it installs them), or as root: "
            + "echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections && "
            + "DEBIAN_FRONTEND=noninteractive apt-get install -y postfix dovecot-imapd dovecot-lmtpd dovecot-sieve";

    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));

    /** The programs, or an {@link IllegalStateException} naming the missing ones and how to install them. */
    static Installed require() {
        List<String> missing = new ArrayList<>();
        Path postconf = find("postconf", missing);
        Path postfix = find("postfix", missing);
        Path dovecot = find("dovecot", missing);
        // Debian's daemon_directory; postconf -d would say, but it is one of the programs that may be missing.
        Path master = Path.of("/usr/lib/postfix/sbin/master");
        for (Path p : List.of(master, Path.of("/usr/lib/dovecot/lmtp"), Path.of("/usr/lib/dovecot/imap"),
                Path.of("/usr/lib/dovecot/modules/lib90_sieve_plugin.so"))) {
            if (!Files.exists(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("This test runs a real Postfix and Dovecot (with Sieve), which are not "
                    + "installed here (missing: " + String.join(", ", missing) + "): " + INSTALL);
        }
        if (!Daemon.run("id", "-u").trim().equals("0")) {
            throw new IllegalStateException("This test starts a private Postfix and Dovecot on loopback, which must "
                    + "start as root (they drop to their own users); run it as root, as .ci/run does.");
        }
        return new Installed(postconf, postfix, master, dovecot);
    }

    private static Path find(String program, List<String> missing) {
        List<Path> dirs = new ArrayList<>(SBIN);
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        for (Path d : dirs) {
            Path p = d.resolve(program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        missing.add(program);
        return null;
    }
}

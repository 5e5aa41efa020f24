package org.lettermerge.testsupport.oauth;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A desktop keyring of the test's own: a private D-Bus session bus and GNOME Keyring's Secret Service on it,
 * unlocked, keeping its files in a temporary folder. Never the user's keyring. Ready once the bus names
 * {@code org.freedesktop.secrets} ({@code gdbus wait}), not after a sleep.
 */
public final class PrivateKeyring implements AutoCloseable {

    private final Process bus;
    private final Process keyring;
    private final String address;
    private final Path folder;

    private PrivateKeyring(Process bus, Process keyring, String address, Path folder) {
        this.bus = bus;
        this.keyring = keyring;
        this.address = address;
        this.folder = folder;
    }

    /** Whether the programs are installed (.ci/run installs them). */
    public static boolean installed() {
        return List.of("dbus-daemon", "gnome-keyring-daemon", "secret-tool", "gdbus").stream().allMatch(PrivateKeyring::onPath);
    }

    public static PrivateKeyring start(Path folder) {
        try {
            Path run = Files.createDirectories(folder.resolve("run"));
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
            Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                    "--components=secrets").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            daemon.environment().putAll(Map.of("DBUS_SESSION_BUS_ADDRESS", address, "XDG_RUNTIME_DIR", run.toString(),
                    "XDG_DATA_HOME", folder.resolve("data").toString(), "HOME", folder.toString()));
            Process keyring = daemon.start();
            try (var stdin = keyring.getOutputStream()) {
                stdin.write("private-test-keyring".getBytes(StandardCharsets.UTF_8)); // creates and unlocks "login"
            }
            ProcessBuilder wait = new ProcessBuilder("gdbus", "wait", "--session", "--timeout", "20",
                    "org.freedesktop.secrets").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            wait.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            Process waiting = wait.start();
            if (!waiting.waitFor(30, TimeUnit.SECONDS) || waiting.exitValue() != 0) {
                keyring.destroyForcibly();
                bus.destroyForcibly();
                throw new IllegalStateException("the private keyring did not come up on " + address);
            }
            return new PrivateKeyring(bus, keyring, address, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a process needs to find this keyring. */
    public Map<String, String> environment() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address);
    }

    /** Where GNOME Keyring keeps this keyring's (encrypted) files. */
    public Path files() {
        return folder.resolve("data").resolve("keyrings");
    }

    @Override
    public void close() throws InterruptedException {
        keyring.destroy();
        keyring.waitFor(10, TimeUnit.SECONDS);
        bus.destroy();
        bus.waitFor(10, TimeUnit.SECONDS);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> new File(dir, program).canExecute());
    }
}

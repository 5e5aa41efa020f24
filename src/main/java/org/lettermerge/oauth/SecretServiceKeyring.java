package org.lettermerge.oauth;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Refresh tokens in the desktop keyring on Linux (the freedesktop Secret Service: GNOME Keyring, KWallet), through
 * libsecret's {@code secret-tool}. The token travels on the tool's standard input and output, never on its command
 * line (which other users can read in the process list); the entry is found by the account's opaque storage key.
 * A locked keyring may ask to be unlocked on the desktop: each call waits at most {@link #WAIT}.
 */
public final class SecretServiceKeyring implements TokenStore {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SERVICE = "lettermerge";

    private final Map<String, String> environment;

    /** @param environment variables for the tool on top of this process's (the D-Bus session address, in tests) */
    public SecretServiceKeyring(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Whether a keyring can be reached: {@code secret-tool} is installed and there is a D-Bus session. */
    public static boolean available(Map<String, String> environment) {
        String bus = environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", System.getenv("DBUS_SESSION_BUS_ADDRESS"));
        return bus != null && !bus.isBlank() && onPath("secret-tool");
    }

    @Override
    public Optional<StoredGrant> read(Account account) {
        Result r = run(List.of("lookup", "service", SERVICE, "account", account.storageKey()), null);
        if (r.exit != 0 || r.output.length == 0) {
            return Optional.empty(); // secret-tool answers 1 with no output when there is no such entry
        }
        try {
            return GrantJson.read(r.output);
        } catch (IOException e) {
            throw new UncheckedIOException("the keyring entry of " + account.describe() + " cannot be read; "
                    + "`lettermerge logout` removes it", new IOException(e.getMessage()));
        }
    }

    @Override
    public void save(Account account, StoredGrant grant) {
        Result r = run(List.of("store", "--label=Lettermerge sign-in for " + account.describe(), "service", SERVICE,
                "account", account.storageKey()), GrantJson.write(account, grant));
        if (r.exit != 0) {
            throw new UncheckedIOException(new IOException("the keyring refused to keep the sign-in of "
                    + account.describe() + " (secret-tool exit " + r.exit + "): unlock it, or set "
                    + "LETTERMERGE_TOKEN_STORE=file to keep it in a file only you can read"));
        }
    }

    @Override
    public boolean forget(Account account) {
        boolean had = read(account).isPresent();
        run(List.of("clear", "service", SERVICE, "account", account.storageKey()), null);
        return had;
    }

    @Override
    public String where() {
        return "your keyring (Secret Service)";
    }

    private record Result(int exit, byte[] output) {}

    private Result run(List<String> arguments, byte[] input) {
        List<String> command = new ArrayList<>();
        command.add("secret-tool");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new UncheckedIOException(new IOException("the keyring did not answer within " + WAIT.toSeconds()
                        + " s (is it locked?): unlock it, or set LETTERMERGE_TOKEN_STORE=file"));
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run secret-tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while asking the keyring"));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Path.of(dir, program).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }
}

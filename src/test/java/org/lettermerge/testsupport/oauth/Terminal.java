package org.lettermerge.testsupport.oauth;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `login` prints, read as the organizer reads it: the sign-in address on a line of its own, and for a device
 * sign-in the code to type. Waiting for them is waiting on a future, never a sleep.
 */
public final class Terminal extends Writer {

    private static final Pattern ADDRESS = Pattern.compile("(?m)^\\s+(https?://\\S+)\\s*$");
    private static final Pattern CODE = Pattern.compile("enter the code (\\S+)");

    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<URI> address = new CompletableFuture<>();
    private final CompletableFuture<String> code = new CompletableFuture<>();

    public PrintWriter writer() {
        return new PrintWriter(this, true);
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        text.append(buffer, offset, length);
        Matcher a = ADDRESS.matcher(text);
        if (a.find()) {
            address.complete(URI.create(a.group(1)));
        }
        Matcher c = CODE.matcher(text);
        if (c.find()) {
            code.complete(c.group(1));
        }
    }

    /** The first address printed on a line of its own. */
    public URI address() {
        return await(address, "a sign-in address");
    }

    /** The device code the user is asked to type. */
    public String userCode() {
        return await(code, "a device code");
    }

    public synchronized String text() {
        return text.toString();
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("login printed no " + what + "; it printed: " + text(), e);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

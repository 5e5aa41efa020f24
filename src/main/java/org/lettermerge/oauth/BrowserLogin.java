package org.lettermerge.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The authorization code flow with PKCE and a loopback redirect (RFC 8252 7.3): a listener on 127.0.0.1 for exactly
 * one answer, the sign-in address printed (and opened in the browser when there is one), the code exchanged for
 * tokens, the refresh token stored. A refusal, a wrong {@code state}, or no answer in time stores nothing.
 *
 * <p>The listener is the JDK's {@code com.sun.net.httpserver}: it answers one GET on the loopback interface and is
 * stopped at once, so a full web server would add a dependency and nothing else; the module is exported and
 * supported on every JDK since 9.
 */
public final class BrowserLogin {

    /** @param openBrowser false prints the address only (--no-browser, or no browser on this machine) */
    public record Options(Duration timeout, boolean openBrowser) {}

    private record Answer(String code, String state, String error, String description) {}

    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final Clock clock;
    private final PrintWriter out;
    private final Options options;

    public BrowserLogin(TokenEndpoint endpoint, TokenStore store, Clock clock, PrintWriter out, Options options) {
        this.endpoint = endpoint;
        this.store = store;
        this.clock = clock;
        this.out = out;
        this.options = options;
    }

    public LoginOutcome login(Account account) {
        OAuthSettings settings = endpoint.settings();
        Pkce pkce = Pkce.create();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            return new LoginOutcome.Failed(account, "cannot listen on 127.0.0.1 for the browser's answer ("
                    + e.getMessage() + "): use `lettermerge login --device`");
        }
        URI redirect = URI.create("http://" + settings.provider().loopbackHost() + ":"
                + server.getAddress().getPort() + "/");
        server.createContext("/", exchange -> receive(exchange, answer));
        server.start();
        try {
            URI address = authorizationAddress(settings, account, pkce, redirect);
            out.println("Sign in as " + account.username() + " in your browser. If it does not open, open this address:");
            out.println();
            out.println("  " + address);
            out.println();
            out.flush();
            if (options.openBrowser()) {
                Browser.open(address);
            }
            Answer a = answer.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return finish(account, a, pkce, redirect);
        } catch (TimeoutException e) {
            return new LoginOutcome.Failed(account, "no answer from the browser within " + spoken(options.timeout())
                    + " (was the browser window closed?): run `lettermerge login` "
                    + "again, or use --device on a machine without a browser. Nothing was stored.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoginOutcome.Failed(account, "interrupted while waiting for the browser; nothing was stored");
        } catch (ExecutionException e) {
            return new LoginOutcome.Failed(account, "the browser's answer could not be read; nothing was stored");
        } finally {
            server.stop(0);
        }
    }

    private LoginOutcome finish(Account account, Answer a, Pkce pkce, URI redirect) {
        if (!pkce.state().equals(a.state())) {
            // RFC 6749 10.12: an answer to some other request (or a forged one) must not sign this account in.
            return new LoginOutcome.Failed(account, "the browser's answer did not belong to this sign-in (state "
                    + "mismatch): run `lettermerge login` again and finish it in the window it opens. Nothing was stored.");
        }
        if (a.error() != null) {
            return new LoginOutcome.Failed(account, a.error().equals("access_denied")
                    ? "the sign-in was declined in the browser (access_denied"
                            + (a.description() == null ? "" : ": " + a.description()) + "). Nothing was stored."
                    : "the provider refused the sign-in: " + a.error()
                            + (a.description() == null ? "" : ": " + a.description()) + ". Nothing was stored.");
        }
        TokenReply reply = endpoint.exchangeCode(a.code(), pkce.verifier(), redirect);
        if (reply instanceof TokenReply.Refused refused) {
            return new LoginOutcome.Failed(account, "the token endpoint refused the sign-in (" + refused.describe()
                    + "). Nothing was stored.");
        }
        StoredGrant grant = Grants.stored((TokenReply.Granted) reply, clock.instant(), account.provider());
        store.save(account, grant);
        return new LoginOutcome.SignedIn(account, grant.expiresAt());
    }

    private static String spoken(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static URI authorizationAddress(OAuthSettings settings, Account account, Pkce pkce, URI redirect) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", settings.clientId());
        q.put("redirect_uri", redirect.toString());
        q.put("scope", settings.scopeParameter());
        q.put("state", pkce.state());
        q.put("code_challenge", pkce.challenge());
        q.put("code_challenge_method", "S256");
        q.put("login_hint", account.username());
        if (settings.provider() == Provider.GOOGLE) {
            // Google returns a refresh token only for offline access, and again only with consent.
            q.put("access_type", "offline");
            q.put("prompt", "consent");
        }
        String query = q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String base = settings.endpoints().authorization().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private static void receive(HttpExchange exchange, CompletableFuture<Answer> answer) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        boolean isAnswer = "GET".equals(exchange.getRequestMethod()) && "/".equals(exchange.getRequestURI().getPath())
                && (q.containsKey("code") || q.containsKey("error"));
        if (!isAnswer || answer.isDone()) {
            // A favicon, a second tab: not the one answer this listener waits for.
            reply(exchange, 404, "Not the sign-in answer.");
            return;
        }
        // The page first, then the answer: the listener is stopped as soon as the answer is taken.
        reply(exchange, 200, q.containsKey("code")
                ? "Lettermerge received the sign-in. You can close this window and return to the terminal."
                : "The sign-in did not complete. Return to the terminal for what to do next.");
        answer.complete(new Answer(q.get("code"), q.get("state"), q.get("error"), q.get("error_description")));
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><title>Lettermerge</title><p>" + text + "</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (var os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}

package org.lettermerge.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.LoggerFactory;

/**
 * {@code lettermerge serve}: the organizers' dashboard over one or more delivery logs, on an embedded Jetty. This
 * class is the door: security headers, the {@link Gate} (Host, session, form token, origin), then the page or
 * action the path names. Pages only read the logs ({@link Views}, {@link CampaignView}, {@link Downloads});
 * changes go through {@link Actions}, which call the code the CLI's commands call.
 */
public final class Dashboard implements AutoCloseable {

    /** How the dashboard is reached: on loopback by default; elsewhere only with a password and a public address. */
    public record Options(List<Path> logs, ZoneId zone, String bind, int port, URI publicUrl, String password) {}

    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Server server;
    private final Logs logs;
    private final Pages pages;
    private final Views views;
    private final Actions actions;
    private final Downloads downloads;
    private final String token = Gate.newToken();
    private final Clock clock;
    private Gate gate;

    private Dashboard(Options options, Clock clock) {
        this.clock = clock;
        this.logs = new Logs(options.logs(), clock);
        this.pages = new Pages(options.zone());
        this.views = new Views(logs, pages, clock);
        this.actions = new Actions(logs, pages, clock);
        this.downloads = new Downloads(logs, clock);
        this.server = new Server(new InetSocketAddress(options.bind(), options.port()));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
    }

    /** Starts the dashboard (port 0: any free port). */
    public static Dashboard start(Options options, Clock clock) throws Exception {
        Dashboard d = new Dashboard(options, clock);
        try {
            d.server.start();
        } catch (Exception e) {
            d.server.stop(); // a port in use: its threads must not outlive the failed start
            throw e;
        }
        Site site = options.publicUrl() == null ? Site.loopback(d.port()) : Site.behindProxy(options.publicUrl());
        d.gate = new Gate(site, d.token, options.password(), clock);
        return d;
    }

    /** On 127.0.0.1, without a password: what {@code serve} does by default. */
    public static Dashboard start(List<Path> logs, Clock clock, ZoneId zone, int port) throws Exception {
        return start(new Options(logs, zone, "127.0.0.1", port, null, null), clock);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The address to open once: it signs the browser in, then the token is spent. */
    public String signInUrl() {
        return gate.site().base() + "/?token=" + token;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private void serve(Request request, Response response, Callback callback) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a form, failing the check.
        response.getHeaders().put("Referrer-Policy", "same-origin");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        try {
            if (!gate.site().ownHost(request.getHeaders().get(HttpHeader.HOST))) {
                Replies.send(response, callback, 421, pages.message("Wrong address", "This dashboard answers only at "
                        + gate.site().base() + "."));
                return;
            }
            String path = Request.getPathInContext(request);
            Map<String, String> query = Requests.fields(request.getHttpURI().getQuery());
            if (Replies.ASSETS.containsKey(path)) {
                Replies.asset(path, response, callback);
                return;
            }
            if (path.equals("/") && query.containsKey("token")) {
                started(response, callback, gate.signIn(query.get("token")));
                return;
            }
            if (path.equals("/signin")) {
                signInWithPassword(request, response, callback);
                return;
            }
            String session = Requests.cookie(request);
            Optional<String> formToken = gate.formToken(session);
            if (formToken.isEmpty()) {
                Replies.send(response, callback, 401, pages.signIn(gate.hasPassword()));
                return;
            }
            if (request.getMethod().equals("POST")) {
                Map<String, String> form = Requests.fields(Content.Source.asString(request, StandardCharsets.UTF_8));
                if (!fromOwnPage(request) || !gate.formTokenMatches(session, form.get("csrf"))) {
                    Replies.send(response, callback, 403, pages.message("Refused", "This form did not come from the"
                            + " dashboard's own page: nothing was changed. Reload the page and try again."));
                    return;
                }
                if (path.equals("/signout")) {
                    gate.signOut(session);
                    Replies.send(response, callback, 200, pages.message("Signed out", "You are signed out."));
                    return;
                }
                actions.act(path, form, formToken.get(), response, callback);
                return;
            }
            switch (path) {
                case "/", "/campaigns" -> Replies.send(response, callback, 200, views.campaigns(formToken.get()));
                case "/api/campaigns" -> Replies.json(response, callback, views.summaries());
                case "/campaign" -> Replies.send(response, callback, 200, new CampaignView(logs, pages, clock)
                        .page(query, formToken.get()));
                case "/recipient" -> Replies.send(response, callback, 200, views.recipient(query));
                case "/letter" -> Replies.letter(response, callback, views.letterHtml(query));
                case "/suppressions" -> Replies.send(response, callback, 200, views.suppressions(query, formToken.get()));
                case "/followup" -> Replies.send(response, callback, 200, actions.followupForm(query, formToken.get()));
                case "/report", "/status.csv", "/status.json" -> downloads.send(path, query, response, callback);
                default -> throw new NotFound("There is no such page.");
            }
        } catch (NotFound e) {
            Replies.send(response, callback, 404, pages.message("Not found", e.getMessage()));
        } catch (BadInput e) {
            Replies.send(response, callback, 400, pages.message("Nothing was changed", e.getMessage()));
        } catch (RuntimeException | IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // Jetty is stopping: let its thread see it
            }
            Replies.send(response, callback, 500, pages.message("Something went wrong", "The page could not be made; the"
                    + " terminal running serve says why."));
            LoggerFactory.getLogger(Dashboard.class).warn("dashboard request failed", e);
        }
    }

    private void signInWithPassword(Request request, Response response, Callback callback) throws IOException {
        if (!request.getMethod().equals("POST") || !gate.hasPassword()) {
            throw new NotFound("There is no such page.");
        }
        // No session yet, so no form token: the origin check alone stops another site's form.
        if (!fromOwnPage(request)) {
            Replies.send(response, callback, 403, pages.message("Refused", "Sign in from the dashboard's own page."));
            return;
        }
        Map<String, String> form = Requests.fields(Content.Source.asString(request, StandardCharsets.UTF_8));
        started(response, callback, gate.signInWithPassword(form.get("password")));
    }

    /** Whether a POST comes from one of the dashboard's own pages (its Origin, or else its Referer). */
    private boolean fromOwnPage(Request request) {
        return gate.site().sameOrigin(request.getHeaders().get(HttpHeader.ORIGIN),
                request.getHeaders().get(HttpHeader.REFERER));
    }

    private void started(Response response, Callback callback, Optional<String> session) {
        if (session.isEmpty()) {
            Replies.send(response, callback, 403, pages.message("Sign in", gate.hasPassword()
                    ? "That password is wrong, that sign-in address was used already, or there were too many wrong"
                    + " tries: wait " + Gate.LOCKOUT.toMinutes() + " minutes and try again."
                    : "That sign-in address is wrong or was used already. Start `lettermerge serve` again for a new one."));
            return;
        }
        response.getHeaders().add(HttpHeader.SET_COOKIE, Requests.SESSION + "=" + session.get()
                + "; Path=/; HttpOnly; SameSite=Strict" + (gate.site().secure() ? "; Secure" : ""));
        Replies.redirect(response, callback, "/campaigns");
    }
}

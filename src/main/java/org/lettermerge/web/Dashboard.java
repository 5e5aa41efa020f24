package org.lettermerge.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.delivery.Controls;
import org.lettermerge.followup.Responses;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.report.CampaignReport;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.store.Suppressions;
import org.lettermerge.store.StoredRecipient;

/**
 * {@code lettermerge serve}: the organizers' dashboard over one or more delivery logs, on an embedded Jetty bound to
 * the loopback address. Every page opens the log for the request and closes it, so the dashboard never holds a log
 * a sender needs; pausing and resuming go through {@link Controls}, the code {@code lettermerge pause} and
 * {@code resume} run, so a pause here stops new letters in every process.
 */
public final class Dashboard implements AutoCloseable {

    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final List<Path> logs;
    private final Clock clock;
    private final ZoneId zone;
    private final Pages pages;
    private final Server server;
    private final String token = Gate.newToken();
    private Gate gate;

    private Dashboard(List<Path> logs, Clock clock, ZoneId zone, String bind, int port) {
        this.logs = List.copyOf(logs);
        this.clock = clock;
        this.zone = zone;
        this.pages = new Pages(zone);
        this.server = new Server(new InetSocketAddress(bind, port));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
    }

    /** Starts the dashboard on {@code port} of 127.0.0.1 (0: any free port). */
    public static Dashboard start(List<Path> logs, Clock clock, ZoneId zone, int port) throws Exception {
        Dashboard d = new Dashboard(logs, clock, zone, "127.0.0.1", port);
        d.server.start();
        d.gate = new Gate(d.token, d.port());
        return d;
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The address to open once: it signs the browser in, then the token is spent. */
    public String signInUrl() {
        return "http://127.0.0.1:" + port() + "/?token=" + token;
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
            if (!gate.ownHost(request.getHeaders().get(HttpHeader.HOST))) {
                Replies.send(response, callback, 421, pages.message("Wrong address",
                        "This dashboard answers only at 127.0.0.1 or localhost."));
                return;
            }
            String path = Request.getPathInContext(request);
            Map<String, String> query = Requests.fields(request.getHttpURI().getQuery());
            if (Replies.ASSETS.containsKey(path)) {
                Replies.asset(path, response, callback);
                return;
            }
            if (path.equals("/") && query.containsKey("token")) {
                signIn(response, callback, query.get("token"));
                return;
            }
            String session = Requests.cookie(request);
            Optional<String> formToken = gate.formToken(session);
            if (formToken.isEmpty()) {
                Replies.send(response, callback, 401, pages.message("Sign in", "Open the address `lettermerge serve` printed."
                        + " It works once; to sign in again, start serve again."));
                return;
            }
            if (request.getMethod().equals("POST")) {
                act(request, response, callback, path, session);
                return;
            }
            switch (path) {
                case "/", "/campaigns" -> Replies.send(response, callback, 200, pages.campaigns(summaries(), zone.getId()));
                case "/api/campaigns" -> Replies.json(response, callback, summaries());
                case "/campaign" -> Replies.send(response, callback, 200, campaign(query, formToken.get()));
                case "/recipient" -> Replies.send(response, callback, 200, recipient(query));
                case "/report" -> report(query, response, callback);
                default -> Replies.send(response, callback, 404, pages.message("Not found", "There is no such page."));
            }
        } catch (NotFound e) {
            Replies.send(response, callback, 404, pages.message("Not found", e.getMessage()));
        } catch (RuntimeException | IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // Jetty is stopping: let its thread see it
            }
            Replies.send(response, callback, 500, pages.message("Something went wrong", "The page could not be made; the"
                    + " terminal running serve says why."));
            org.slf4j.LoggerFactory.getLogger(Dashboard.class).warn("dashboard request failed", e);
        }
    }

    private void signIn(Response response, Callback callback, String given) {
        Optional<String> session = gate.signIn(given);
        if (session.isEmpty()) {
            Replies.send(response, callback, 403, pages.message("Sign in", "That sign-in address is wrong or was used"
                    + " already. Start `lettermerge serve` again for a new one."));
            return;
        }
        response.getHeaders().add(HttpHeader.SET_COOKIE, Requests.SESSION + "=" + session.get()
                + "; Path=/; HttpOnly; SameSite=Strict");
        Replies.redirect(response, callback, "/campaigns");
    }

    private void act(Request request, Response response, Callback callback, String path, String session)
            throws IOException, InterruptedException {
        Map<String, String> form = Requests.fields(Content.Source.asString(request, StandardCharsets.UTF_8));
        if (!gate.sameOrigin(request.getHeaders().get(HttpHeader.ORIGIN), request.getHeaders().get(HttpHeader.REFERER))
                || !gate.formTokenMatches(session, form.get("csrf"))) {
            Replies.send(response, callback, 403, pages.message("Refused", "This form did not come from the dashboard's own"
                    + " page: nothing was changed. Reload the page and try again."));
            return;
        }
        int index = logIndex(form);
        try (DeliveryLog log = DeliveryLog.openExisting(logs.get(index), clock)) {
            CampaignRecord campaign = find(log, form.get("c"));
            Controls controls = new Controls(log, clock, Sleeper.REAL);
            switch (path) {
                case "/pause" -> controls.pause(campaign, Duration.ZERO);
                case "/cancel" -> controls.cancel(campaign, Duration.ZERO);
                case "/resume" -> controls.resume(campaign);
                case "/resolve" -> controls.resolve(campaign, row(log, campaign, number(form.get("id"))),
                        resolution(form.get("as")));
                case "/suppress" -> log.suppressions().add(row(log, campaign, number(form.get("id"))).email(),
                        form.get("reason") == null || form.get("reason").isBlank() ? "asked to unsubscribe in a reply"
                                : form.get("reason").strip(), Suppressions.Source.MANUAL,
                        "dashboard (" + System.getProperty("user.name", "unknown") + ")");
                default -> throw new NotFound("There is no such action.");
            }
            Replies.redirect(response, callback, (String) pages.summary(index, log, find(log, campaign.name()),
                    clock.instant()).get("url"));
        }
    }

    /** Every campaign of every log, as the campaigns page and the live updates show them. */
    private List<Map<String, Object>> summaries() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            try (DeliveryLog log = DeliveryLog.openExisting(logs.get(i), clock)) {
                for (CampaignRecord c : log.control().all()) {
                    all.add(pages.summary(i, log, c, clock.instant()));
                }
            }
        }
        return all;
    }

    private String campaign(Map<String, String> query, String formToken) {
        int index = logIndex(query);
        try (DeliveryLog log = DeliveryLog.openExisting(logs.get(index), clock)) {
            CampaignRecord c = find(log, query.get("c"));
            // Lower-cased here: SQLite's lower() folds only ASCII, so "LÉGER" must arrive as "léger".
            String search = query.get("q") == null || query.get("q").isBlank() ? null
                    : query.get("q").strip().toLowerCase(java.util.Locale.ROOT);
            State shown = state(query.get("state"));
            Map<Long, Responses> answers = Responses.byRecipient(log.inbox().answering(c));
            Pages.Answer answer = answer(query.get("answer"));
            long after = number(query.get("after"));
            List<StoredRecipient> rows = new ArrayList<>();
            if (answer == null) {
                rows = log.listing().page(c, after, search, shown, Pages.PAGE);
            } else {
                // The letters that got an answer are few (one row each in the mail recorded): page over their ids.
                List<Long> ids = answers.entrySet().stream().filter(e -> answer.test(e.getValue()))
                        .map(Map.Entry::getKey).filter(id -> id > after).sorted().toList();
                List<StoredRecipient> found = rows;
                log.listing().byIds(c, ids, r -> {
                    if (found.size() < Pages.PAGE && (shown == null || r.state() == shown) && (search == null
                            || r.email().toLowerCase(java.util.Locale.ROOT).contains(search)
                            || r.name() != null && r.name().toLowerCase(java.util.Locale.ROOT).contains(search))) {
                        found.add(r);
                    }
                });
            }
            List<StoredRecipient> unknown = new ArrayList<>();
            log.listing().inState(c, State.UNKNOWN, unknown::add);
            // Replies that ask to unsubscribe, not yet on the suppression list: few, and each waits for a person.
            List<Long> asking = answers.entrySet().stream()
                    .filter(e -> e.getValue().asksUnsubscribe()).map(Map.Entry::getKey).toList();
            java.util.Set<String> suppressed = new java.util.HashSet<>();
            log.suppressions().list().forEach(e -> suppressed.add(e.key()));
            List<StoredRecipient> unsubscribe = new ArrayList<>();
            log.listing().byIds(c, asking, r -> {
                if (!suppressed.contains(r.emailKey())) {
                    unsubscribe.add(r);
                }
            });
            Map<String, Object> summary = pages.summary(index, log, c, clock.instant());
            summary.put("chart", CampaignReport.chart(log, c, clock.instant()));
            return pages.campaign(summary, rows, new Pages.Filter(search, shown, answer),
                    new Pages.Decisions(unknown, unsubscribe), formToken, zone.getId());
        }
    }

    private String recipient(Map<String, String> query) {
        int index = logIndex(query);
        try (DeliveryLog log = DeliveryLog.openExisting(logs.get(index), clock)) {
            CampaignRecord c = find(log, query.get("c"));
            StoredRecipient r = row(log, c, number(query.get("id")));
            Responses answers = Responses.byRecipient(log.inbox().answering(c)).getOrDefault(r.id(), Responses.NONE);
            return pages.recipient(pages.summary(index, log, c, clock.instant()), r, answers,
                    log.listing().history(r), zone.getId());
        }
    }

    /** The HTML report `lettermerge report` writes, as a download: the same file, made the same way. */
    private void report(Map<String, String> query, Response response, Callback callback) throws IOException {
        int index = logIndex(query);
        Path file = java.nio.file.Files.createTempFile("lettermerge-report", ".html");
        try (DeliveryLog log = DeliveryLog.openExisting(logs.get(index), clock)) {
            CampaignRecord c = find(log, query.get("c"));
            String subject;
            try {
                subject = CampaignFile.load(Path.of(c.campaignFile())).subject();
            } catch (InvalidInputException e) {
                subject = c.name(); // the campaign file moved or broke since: the report is still the log's
            }
            CampaignReport.write(log, c, subject, clock.instant(), file);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"report-"
                    + c.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".html\"");
            response.write(true, ByteBuffer.wrap(java.nio.file.Files.readAllBytes(file)), callback);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static StoredRecipient row(DeliveryLog log, CampaignRecord c, long id) {
        List<StoredRecipient> found = new ArrayList<>();
        log.listing().byIds(c, List.of(id), found::add);
        if (found.isEmpty()) {
            throw new NotFound("No such recipient in campaign " + c.name() + ".");
        }
        return found.get(0);
    }

    private static Controls.Resolution resolution(String as) {
        try {
            return Controls.Resolution.valueOf(as == null ? "" : as.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such decision.");
        }
    }

    private static Pages.Answer answer(String name) {
        if (name == null || name.isBlank() || name.equals("any")) {
            return null;
        }
        try {
            return Pages.Answer.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such filter.");
        }
    }

    /** The state a filter names, as status shows states; null for none or "all". */
    private static State state(String name) {
        if (name == null || name.isBlank() || name.equals("all")) {
            return null;
        }
        try {
            return State.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such state.");
        }
    }

    private int logIndex(Map<String, String> fields) {
        long i = number(fields.get("log"));
        if (i < 0 || i >= logs.size()) {
            throw new NotFound("No such delivery log.");
        }
        return (int) i;
    }

    private static CampaignRecord find(DeliveryLog log, String name) {
        return log.findCampaign(name == null ? "" : name).orElseThrow(() -> new NotFound("No such campaign."));
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("No such page.");
        }
    }

    /** A page or an action asked for something that is not there: 404, never a stack trace. */
    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}

package org.lettermerge.testsupport.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organizer's browser, played by the test: it follows redirects, keeps cookies, fills the authorization
 * server's login form and accepts every scope on its consent page, as a person clicking through would.
 */
public final class TestBrowser {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_-]+)\\s*=\\s*\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String username;
    private final String password;
    /** Every address this browser was sent to, in order (the last is where the sign-in ended). */
    private final List<URI> visited = new ArrayList<>();

    public TestBrowser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** A page as the browser last showed it. */
    public record Page(URI address, int status, String body) {}

    /** Opens {@code address} and clicks through login and consent until a page without a form (or a redirect away). */
    public Page signIn(URI address) {
        Page page = get(address);
        for (int step = 0; step < 12; step++) {
            Matcher form = FORM.matcher(page.body());
            if (page.status() != 200 || !form.find()) {
                return page;
            }
            page = submit(page.address(), form.group(1), form.group(2));
        }
        throw new AssertionError("the sign-in did not end after 12 forms; last page: " + page.address());
    }

    public List<URI> visited() {
        return visited;
    }

    private Page submit(URI page, String formAttributes, String formBody) {
        Map<String, String> attributes = attributes(formAttributes);
        URI action = page.resolve(attributes.getOrDefault("action", page.getPath()));
        List<String[]> fields = new ArrayList<>();
        Matcher input = INPUT.matcher(formBody);
        while (input.find()) {
            Map<String, String> a = attributes(input.group(1));
            String name = a.get("name");
            String type = a.getOrDefault("type", "text").toLowerCase();
            if (name == null) {
                continue;
            }
            switch (type) {
                case "password" -> fields.add(new String[] {name, password});
                case "hidden", "checkbox" -> fields.add(new String[] {name, a.getOrDefault("value", "on")});
                case "text", "email" -> fields.add(new String[] {name, name.equals("username") ? username
                        : a.getOrDefault("value", "")});
                default -> { }
            }
        }
        String body = fields.stream().map(f -> enc(f[0]) + "=" + enc(f[1])).collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Page get(URI address) {
        return follow(HttpRequest.newBuilder(address).header("Accept", "text/html").GET().build());
    }

    private Page follow(HttpRequest request) {
        HttpRequest next = request;
        for (int hop = 0; hop < 10; hop++) {
            visited.add(next.uri());
            HttpResponse<String> response;
            try {
                response = http.send(next, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("the browser could not open " + next.uri().getPath() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            int status = response.statusCode();
            if (status / 100 != 3) {
                return new Page(next.uri(), status, response.body());
            }
            URI location = next.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            next = HttpRequest.newBuilder(location).header("Accept", "text/html").GET().build();
        }
        throw new AssertionError("too many redirects from " + request.uri());
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            a.putIfAbsent(m.group(1).toLowerCase(), m.group(2).replace("&amp;", "&"));
        }
        return a;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

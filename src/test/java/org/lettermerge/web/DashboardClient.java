package org.lettermerge.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's part, over plain HTTP: signs in with the printed address, keeps the cookie, posts forms. */
final class DashboardClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String cookie;

    private DashboardClient(int port, String cookie) {
        this.port = port;
        this.cookie = cookie;
    }

    static DashboardClient signedIn(Dashboard dashboard) throws Exception {
        DashboardClient anonymous = new DashboardClient(dashboard.port(), null);
        HttpResponse<String> signIn = anonymous.get(dashboard.signInUrl().substring(anonymous.base().length()));
        return new DashboardClient(dashboard.port(), signIn.headers().firstValue("Set-Cookie").orElseThrow()
                .split(";")[0]);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code form} (name, value, name, value...) with the form token of {@code page}, from this origin. */
    HttpResponse<String> post(String path, String page, String... form) throws Exception {
        StringBuilder body = new StringBuilder("csrf=").append(csrf(page));
        for (int i = 0; i < form.length; i += 2) {
            body.append('&').append(form[i]).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie)
                .header("Origin", base()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no form token on the page: " + page);
        }
        return csrf.group(1);
    }

    /** A request written by hand: java.net.http does not let a test choose the Host header. */
    static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

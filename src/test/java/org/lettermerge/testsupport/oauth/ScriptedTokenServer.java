package org.lettermerge.testsupport.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OAuth endpoint on 127.0.0.1 that answers from a script, for what a real server will not do on demand:
 * {@code slow_down}, {@code expired_token}, a malformed token answer, a redirect carrying another login's
 * {@code state}. {@code /device} starts a device sign-in, {@code /token} answers with the next scripted reply,
 * {@code /authorize} sends the browser back to the redirect_uri with the scripted query.
 */
public final class ScriptedTokenServer implements AutoCloseable {

    /** One scripted HTTP answer. */
    public record Reply(int status, String contentType, String body) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        public static Reply error(String code) {
            return json(400, "{\"error\":\"" + code + "\"}");
        }
    }

    private final HttpServer http;
    private final Deque<Reply> tokenReplies = new ArrayDeque<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile Runnable whenTokenAsked = () -> { };
    private volatile String authorizeAnswer = "code=scripted-code&state=not-the-state-that-was-sent";

    private ScriptedTokenServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/device", e -> send(e, Reply.json(200, """
                {"device_code":"scripted-device-code","user_code":"WDJB-MJHT",
                 "verification_uri":"%s","expires_in":900,"interval":5}""".formatted(uri("/activate")))));
        http.createContext("/token", e -> {
            tokenRequests.add(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Runnable hook = whenTokenAsked;
            whenTokenAsked = () -> { };
            hook.run();
            Reply next;
            synchronized (tokenReplies) {
                next = tokenReplies.isEmpty() ? Reply.error("server_error") : tokenReplies.poll();
            }
            send(e, next);
        });
        http.createContext("/authorize", e -> {
            String redirect = null;
            for (String pair : e.getRequestURI().getRawQuery().split("&")) {
                if (pair.startsWith("redirect_uri=")) {
                    redirect = URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8);
                }
            }
            e.getResponseHeaders().set("Location", redirect + "?" + authorizeAnswer);
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        http.start();
    }

    public static ScriptedTokenServer start() {
        try {
            return new ScriptedTokenServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** The token endpoint's next answers, in order; after them, server_error. */
    public ScriptedTokenServer thenToken(Reply... replies) {
        synchronized (tokenReplies) {
            tokenReplies.addAll(List.of(replies));
        }
        return this;
    }

    /** Runs once, at the next token request, before it is answered: what another process did meanwhile. */
    public ScriptedTokenServer whenTokenAsked(Runnable action) {
        whenTokenAsked = action;
        return this;
    }

    /** The query /authorize sends the browser back with. */
    public ScriptedTokenServer authorizeAnswers(String query) {
        authorizeAnswer = query;
        return this;
    }

    public List<String> tokenRequests() {
        return tokenRequests;
    }

    private static void send(HttpExchange e, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", reply.contentType());
        e.sendResponseHeaders(reply.status(), body.length);
        try (var os = e.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}

package org.lettermerge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** How the dashboard answers: a page, a redirect after a change, JSON for the live updates, an asset from the jar. */
final class Replies {

    /** What the jar serves besides the pages: nothing else under /assets/ exists. */
    static final Map<String, String> ASSETS = Map.of("/assets/dashboard.css", "text/css; charset=utf-8",
            "/assets/live.js", "text/javascript; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {}

    static void send(Response response, Callback callback, int status, String html) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
    }

    static void redirect(Response response, Callback callback, String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        callback.succeeded();
    }

    static void json(Response response, Callback callback, Object value) throws IOException {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(value)), callback);
    }

    /**
     * A letter's HTML part, for a frame on the recipient's page. It is the letter's own markup (merged values were
     * escaped when it was made, but the template is the organizers'), so it runs sandboxed: no script, no form, no
     * request anywhere, not even for an image; its styles apply inside the frame only.
     */
    static void letter(Response response, Callback callback, String html) {
        response.getHeaders().put("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; frame-ancestors 'self'");
        send(response, callback, 200, html);
    }

    /** A file to save, streamed as it is written: the first rows leave before the last are read. */
    static void download(Response response, Callback callback, String contentType, String fileName,
                         IoConsumer<java.io.OutputStream> body) throws IOException {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\""
                + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        try (java.io.OutputStream out = org.eclipse.jetty.io.Content.Sink.asOutputStream(response)) {
            body.accept(out);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            throw e;
        }
        callback.succeeded();
    }

    /** Writes to a stream and may fail doing so. */
    interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    static void asset(String path, Response response, Callback callback) throws IOException {
        try (InputStream in = Replies.class.getResourceAsStream(path.substring("/assets/".length()))) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ASSETS.get(path));
            response.write(true, ByteBuffer.wrap(in.readAllBytes()), callback);
        }
    }
}

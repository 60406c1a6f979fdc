package fr.tissu.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/**
 * Request bodies read whole — queries and small forms — with a bound: beyond it, 413 at once (from
 * {@code Content-Length}) or as soon as the bound is passed (chunked), never the whole body in memory.
 * File uploads stream to disk instead (the admin API's own limit).
 */
public final class Bodies {
    /** The largest query or form body: 1 MiB, far above any query written by hand or by a client library. */
    public static final int MAX = 1 << 20;

    private Bodies() {
    }

    /** The body, at most {@link #MAX} bytes. */
    public static byte[] bytes(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX) {
            throw tooLarge();
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX + 1);
            if (body.length > MAX) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as UTF-8 text, at most {@link #MAX} bytes. */
    public static String text(ServerRequest req) {
        return new String(bytes(req), StandardCharsets.UTF_8);
    }

    private static Problem tooLarge() {
        return new Problem(Status.REQUEST_ENTITY_TOO_LARGE_413, "the body is larger than " + MAX
                + " bytes; queries and forms must be smaller");
    }
}

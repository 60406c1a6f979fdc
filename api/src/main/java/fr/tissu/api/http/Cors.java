package fr.tissu.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS for every response, errors included, and the preflight: the data is public and read-only, so any origin may
 * read it. {@code Access-Control-Allow-Origin: *} is sent on every response, not only to requests carrying
 * {@code Origin} (as Helidon's CORS feature does): a shared cache then never hands a browser a copy without it.
 */
public final class Cors implements Filter {
    /** The response headers a browser script may read. */
    static final String EXPOSED = "ETag, Last-Modified, Link, Location, Retry-After, Content-Disposition, "
            + "Tissu-Row-Limit";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        if (req.prologue().method() == Method.OPTIONS
                && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
            res.status(Status.NO_CONTENT_204)
                    .header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, OPTIONS")
                    .header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, req.headers()
                            .first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS).orElse("Accept, Content-Type"))
                    .header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400")
                    .send();
            return;
        }
        chain.proceed();
    }
}

package fr.tissu.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * HTML pages speak French or English by {@code ?lang=} or else by {@code Accept-Language}: every HTML response says
 * {@code Vary: Accept-Language} (and {@code Accept}, which chose HTML), so that a shared cache never hands a page in
 * one language to a reader of the other.
 */
public final class LanguageVary implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.beforeSend(() -> {
            boolean html = res.headers().contentType().map(t -> t.mediaType().subtype().equals("html")).orElse(false);
            if (html) {
                String vary = res.headers().first(HeaderNames.VARY).orElse("");
                res.headers().set(HeaderNames.VARY, vary.isEmpty() ? "Accept, Accept-Language"
                        : vary.contains("Accept-Language") ? vary
                        : vary + (vary.contains("Accept") ? ", Accept-Language" : ", Accept, Accept-Language"));
            }
        });
        chain.proceed();
    }
}

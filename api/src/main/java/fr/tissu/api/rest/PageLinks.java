package fr.tissu.api.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The links of one page of a list, whatever its representation: {@code self} (the request as sent) and
 * {@code next} (the same query with the next page's cursor as {@code after}), also sent as
 * {@code Link: <…>; rel="next"} so that clients of any format (JSON-LD, CSV…) can page on.
 *
 * @param self the page's own link
 * @param next the next page's link, or {@code null} on the last page
 */
record PageLinks(String self, String next) {

    /** The links of the page answering {@code req} in {@code collection}; sets the {@code Link} header. */
    static PageLinks of(ServerRequest req, ServerResponse res, String collection, String nextCursor) {
        String query = req.query().rawValue();
        String self = collection + (query.isEmpty() ? "" : "?" + query);
        String next = null;
        if (nextCursor != null) {
            String rest = query.replaceAll("(^|&)after=[^&]*", "").replaceAll("^&", "");
            next = collection + "?" + (rest.isEmpty() ? "" : rest + "&") + "after=" + nextCursor;
            res.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return new PageLinks(self, next);
    }

    /** As the {@code links} member of a JSON list. */
    Map<String, Object> json() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", self);
        if (next != null) {
            links.put("next", next);
        }
        return links;
    }
}

package fr.tissu.api.rest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fr.tissu.api.domain.Params;
import fr.tissu.store.read.Cursor;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Keyset paging over an already ordered, in-memory list: the cursor is the last key seen, so a page never repeats
 * or skips an item when items are added or removed before it.
 */
final class Pages {
    private Pages() {
    }

    /** The page after {@code cursor} (or the first), as the list body with total, items and links. */
    static <T> Map<String, Object> page(ServerRequest req, ServerResponse res, String collection, List<T> ordered,
                                        Function<T, String> key, String cursor, int limit,
                                        Function<T, Map<String, Object>> json, Set<String> fields) {
        List<String> after = Params.after(cursor, 1);
        int start = Cursor.startAfter(ordered, key, Comparator.naturalOrder(), after == null ? null : after.get(0));
        List<T> shown = ordered.subList(start, Math.min(ordered.size(), start + limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", ordered.size());
        body.put("limit", limit);
        body.put("items", shown.stream().map(t -> RestSupport.project(json.apply(t), fields)).toList());
        body.put("links", PageLinks.of(req, res, collection, start + limit < ordered.size()
                ? Cursor.of(key.apply(shown.get(shown.size() - 1))) : null).json());
        return body;
    }
}

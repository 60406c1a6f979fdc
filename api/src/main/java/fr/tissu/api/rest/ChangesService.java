package fr.tissu.api.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.Params;
import fr.tissu.search.ChangeLog;
import fr.tissu.store.read.Cursor;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The change feed: {@code GET /api/v1/changes?since=…} lists what each load added, modified or removed (removed
 * things as tombstones), oldest first, so that harvesters and apps can sync without downloading everything again.
 * JSON, or ActivityStreams 2.0 ({@code application/activity+json}: Create, Update and Delete activities in an
 * {@code OrderedCollectionPage}).
 */
public final class ChangesService implements HttpService {
    private static final Map<String, String> FORMATS = new LinkedHashMap<>();
    private static final Map<String, String> PATHS = Map.of("association", "associations", "activity", "activities",
            "place", "places", "support-point", "support-points");
    private static final Map<String, String> VERBS = Map.of("added", "Create", "modified", "Update", "removed",
            "Delete");

    static {
        FORMATS.put("json", "application/json");
        FORMATS.put("activitystreams", "application/activity+json");
    }

    private final Instance tissu;

    /** The feed of {@code tissu}'s data directory. */
    public ChangesService(Instance tissu) {
        this.tissu = tissu;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/changes", this::changes);
    }

    private void changes(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), Set.of("since", "type", "limit", "after", "format"));
        Instant since = null;
        if (params.one("since") != null) {
            try {
                since = Instant.parse(params.one("since"));
            } catch (DateTimeParseException e) {
                try {
                    since = LocalDate.parse(params.one("since")).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new BadParameterException("since", "expected a date (2026-11-23) or a UTC time "
                            + "(2026-11-23T08:00:00Z)");
                }
            }
        }
        String type = params.one("type");
        if (type != null && !PATHS.containsKey(type)) {
            throw new BadParameterException("type", "expected one of " + String.join(", ", PATHS.keySet()));
        }
        int limit = params.integer("limit", 100, 1, 1000);
        List<String> after = Params.after(params.one("after"), 1);
        long offset;
        try {
            offset = after == null ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw new BadParameterException("after", "not a cursor from a previous page's links.next");
        }
        String format = RestSupport.format(req, params, FORMATS);
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        ChangeLog.Page page;
        try {
            page = ChangeLog.read(tissu.config().dataDir().resolve(ChangeLog.FILE), offset, since, type, limit);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("after", "not a cursor from a previous page's links.next");
        }
        PageLinks links = PageLinks.of(req, res, "/api/v1/changes", page.next() < 0 ? null
                : Cursor.of(Long.toString(page.next())));
        String self = links.self();
        String next = links.next();
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        if (format.equals("activitystreams")) {
            body.put("@context", "https://www.w3.org/ns/activitystreams");
            body.put("type", "OrderedCollectionPage");
            body.put("id", tissu.config().publicUrl() + self);
            for (ChangeLog.Entry e : page.entries()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("type", VERBS.get(e.change().change()));
                a.put("published", e.at().toString());
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("id", e.change().uri());
                object.put("type", e.change().change().equals("removed") ? "Tombstone" : "Object");
                object.put("url", tissu.config().publicUrl() + url(e));
                a.put("object", object);
                items.add(a);
            }
            body.put("orderedItems", items);
            if (next != null) {
                body.put("next", tissu.config().publicUrl() + next);
            }
            res.header(HeaderNames.CONTENT_TYPE, "application/activity+json");
            try {
                res.send(RestSupport.JSON.writeValueAsBytes(body));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return;
        }
        for (ChangeLog.Entry e : page.entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", e.at().toString());
            item.put("version", e.version());
            item.put("change", e.change().change());
            item.put("type", e.change().type());
            item.put("id", e.change().uri());
            item.put("url", url(e));
            items.add(item);
        }
        body.put("items", items);
        body.put("links", links.json());
        RestSupport.json(res, body);
    }

    private static String url(ChangeLog.Entry e) {
        return "/api/v1/" + PATHS.getOrDefault(e.change().type(), "things") + "/" + e.change().key();
    }
}

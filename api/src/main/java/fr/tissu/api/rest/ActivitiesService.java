package fr.tissu.api.rest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.ActivityListing;
import fr.tissu.api.domain.Params;
import fr.tissu.api.http.Problem;
import fr.tissu.loader.ActivityTemplate;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Bindings;
import fr.tissu.store.read.Describer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Activities: {@code GET /api/v1/activities} (filters, {@code sort}, {@code after}, {@code limit}, {@code fields})
 * and {@code GET /api/v1/activities/{id}}.
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/activities?theme=judo&age=8&day=wed&max-price=200'}
 */
public final class ActivitiesService implements HttpService {
    private static final Set<String> PAGING = Set.of("sort", "after", "limit", "fields", "format");
    private static final Map<String, String> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("json", "application/json");
        FORMATS.put("jsonld", "application/ld+json");
        FORMATS.put("csv", "text/csv; charset=utf-8");
        FORMATS.put("geojson", "application/geo+json");
        FORMATS.put("ics", "text/calendar; charset=utf-8");
    }
    private static final Set<String> PARAMETERS = union(ActivityFilter.PARAMETERS, PAGING);
    private static final List<String> SORTS = ActivityListing.SORTS;

    private final Instance tissu;
    private final Describer describer;

    /** The activities of {@code tissu}'s read model. */
    public ActivitiesService(Instance tissu) {
        this.tissu = tissu;
        this.describer = new Describer(tissu.store(), tissu.config().queryTimeout());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/activities", this::listActivities)
                .get("/api/v1/activities/{id}", this::getActivity);
    }

    private void listActivities(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), PARAMETERS);
        ActivityFilter filter = ActivityFilter.parse(params, LocalDate.now());
        // q: the search index decides what matches, with French analysis
        var text = ActivityListing.withText(tissu.index(), filter, params.one("q"));
        filter = text.getKey();
        Map<String, Float> scores = text.getValue();
        int limit = params.integer("limit", 20, 1, 500);
        String sort = params.one("sort") != null ? params.one("sort")
                : !scores.isEmpty() ? "relevance" : filter.near() != null ? "distance" : "title";
        if (!SORTS.contains(sort)) {
            throw new BadParameterException("sort", "expected one of " + String.join(", ", SORTS));
        }
        if (sort.equals("relevance") && filter.words().isEmpty()) {
            throw new BadParameterException("sort", "sort=relevance needs q");
        }
        if (sort.equals("distance") && filter.near() == null) {
            throw new BadParameterException("sort", "sort=distance needs near=lat,lon");
        }
        Set<String> fields = new HashSet<>(params.all("fields"));
        String after = params.one("after");
        Params.after(after, 1); // a bad cursor is a 400 before anything else
        String format = RestSupport.format(req, params, FORMATS);
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        ActivityListing.Sorted sorted = ActivityListing.sorted(tissu.model().activities(), filter, sort, scores);
        List<Activity> matching = sorted.rows();
        if (!format.equals("json") && !format.equals("jsonld")) {
            export(res, format, matching, filter);
            return;
        }
        int start = sorted.startAfter(after);
        List<Activity> shown = matching.subList(start, Math.min(matching.size(), start + limit));
        PageLinks links = PageLinks.of(req, res, "/api/v1/activities", start + limit < matching.size()
                ? sorted.cursor(start + limit - 1) : null);
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(shown.stream().map(Activity::iri).toList()));
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Activity activity : shown) {
            items.add(RestSupport.project(item(activity, filter), fields));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", matching.size());
        body.put("limit", limit);
        body.put("items", items);
        body.put("links", links.json());
        RestSupport.json(res, body);
    }

    private void export(ServerResponse res, String format, List<Activity> rows, ActivityFilter filter) {
        res.header(HeaderNames.CONTENT_TYPE, FORMATS.get(format));
        if (!format.equals("geojson")) {
            res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"activites." + format + "\"");
        }
        try (OutputStream out = new BufferedOutputStream(res.outputStream(), 1 << 16)) {
            switch (format) {
                case "csv" -> ActivityTemplate.spreadsheet(out, rows);
                case "geojson" -> ActivityFormats.geojson(out, rows, filter);
                default -> ActivityFormats.ical(out, rows, tissu.config().publicUrl());
            }
        } catch (IOException e) {
            throw ActivityFormats.unchecked(e);
        }
    }

    private void getActivity(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), Set.of("fields", "format"));
        Set<String> fields = new HashSet<>(params.all("fields"));
        String format = RestSupport.format(req, params, FORMATS);
        String id = req.path().pathParameters().get("id");
        Activity activity = tissu.model().activities().byKey().get(id);
        if (activity == null) {
            throw new Problem(Status.NOT_FOUND_404, "no activity '" + id + "'");
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(List.of(activity.iri())));
            return;
        }
        if (!format.equals("json")) {
            export(res, format, List.of(activity), null);
            return;
        }
        Map<String, Object> item = item(activity, null);
        item.put("description", activity.description());
        item.put("email", activity.email());
        item.put("telephone", activity.telephone());
        item.put("registration", activity.registration());
        item.put("address", activity.place() == null ? null : activity.place().address());
        item.put("links", Map.of("self", "/api/v1/activities/" + activity.key(), "rdf", activity.iri()));
        RestSupport.json(res, RestSupport.project(item, fields));
    }

    /** The JSON of one activity. */
    static Map<String, Object> item(Activity row, ActivityFilter filter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.iri());
        m.put("url", "/api/v1/activities/" + row.key());
        m.put("identifier", row.key());
        m.put("title", row.title());
        Map<String, Object> organizer = new LinkedHashMap<>();
        organizer.put("id", row.organizer());
        organizer.put("url", "/api/v1/associations/" + Bindings.lastSegment(row.organizer()));
        organizer.put("name", row.organizerName());
        m.put("organizer", organizer);
        m.put("commune", CommuneRefs.of(row.commune()));
        m.put("themes", row.themes());
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("days", row.days().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
        schedule.put("startTime", row.start().toString());
        schedule.put("endTime", row.end().toString());
        schedule.put("seasonStart", row.seasonStart() == null ? null : row.seasonStart().toString());
        schedule.put("seasonEnd", row.seasonEnd() == null ? null : row.seasonEnd().toString());
        m.put("schedule", schedule);
        LocalDate next = row.firstOccurrence(filter == null || filter.startsAfter() == null ? LocalDate.now()
                : filter.startsAfter(), filter == null ? null : filter.startsBefore());
        m.put("nextOccurrence", next == null ? null : next.toString());
        Map<String, Object> ages = new LinkedHashMap<>();
        ages.put("min", row.minAge());
        ages.put("max", row.maxAge());
        m.put("ages", ages);
        m.put("price", row.price());
        m.put("free", row.free());
        m.put("accessible", row.accessible());
        m.put("languages", row.languages());
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("name", row.place() == null ? null : row.place().name());
        place.put("lat", ActivityFilter.lat(row));
        place.put("lon", row.place() == null ? null : row.place().lon());
        m.put("place", place);
        if (filter != null && filter.near() != null && ActivityFilter.lat(row) != null) {
            m.put("distance", Math.round(filter.near().distance(row.place().lat(), row.place().lon())));
        }
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

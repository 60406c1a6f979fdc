package fr.tissu.api.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fr.tissu.api.Problems;
import fr.tissu.api.Tissu;
import fr.tissu.api.filter.ActivityCatalog;
import fr.tissu.api.filter.ActivityFilter;
import fr.tissu.api.filter.ActivityRow;
import fr.tissu.api.filter.BadParameterException;
import fr.tissu.api.filter.Params;
import fr.tissu.loader.reference.ReferenceData;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.RDFNode;

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
    private static final List<String> SORTS = List.of("title", "-title", "start", "price", "commune", "distance",
            "relevance");

    private final Tissu tissu;
    private final ActivityCatalog catalog;
    private final fr.tissu.api.linkeddata.Describer describer;

    /** The activities of {@code tissu}'s store, from {@code catalog}. */
    public ActivitiesService(Tissu tissu, ActivityCatalog catalog) {
        this.tissu = tissu;
        this.catalog = catalog;
        this.describer = new fr.tissu.api.linkeddata.Describer(tissu.store(), tissu.config().queryTimeout());
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
        var text = withText(tissu, filter, params.one("q"));
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
        String after = params.one("after") == null ? null : cursor(params.one("after"));
        String format = RestSupport.format(req, params, FORMATS);
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        Sorted sorted = sorted(catalog.current(), filter, sort, scores);
        List<ActivityRow> matching = sorted.rows();
        if (!format.equals("json") && !format.equals("jsonld")) {
            export(res, format, matching, filter);
            return;
        }
        int start = sorted.startAfter(after);
        List<ActivityRow> shown = matching.subList(start, Math.min(matching.size(), start + limit));
        PageLinks links = PageLinks.of(req, res, "/api/v1/activities", start + limit < matching.size()
                ? sorted.cursor(start + limit - 1) : null);
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(shown.stream().map(ActivityRow::iri).toList()));
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (ActivityRow row : shown) {
            items.add(RestSupport.project(item(row, filter), fields));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", matching.size());
        body.put("limit", limit);
        body.put("items", items);
        body.put("links", links.json());
        RestSupport.json(res, body);
    }

    /**
     * Activities matching a filter, in a list's order, with the sort key that makes cursors: shared by the REST
     * list and GraphQL's activity connections.
     *
     * @param rows  the matches, sorted
     * @param key   the sort key of a row (unique: it ends with the row's key)
     * @param order the order of the keys
     */
    public record Sorted(List<ActivityRow> rows, Function<ActivityRow, String> key, Comparator<String> order) {
        /** The index of the first row after {@code cursor} (a decoded cursor; {@code null}: the first row). */
        public int startAfter(String cursor) {
            if (cursor == null) {
                return 0;
            }
            int low = 0; // binary search on the sorted matches
            int high = rows.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (order.compare(key.apply(rows.get(mid)), cursor) <= 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** The opaque cursor that resumes after row {@code index}. */
        public String cursor(int index) {
            return encode(key.apply(rows.get(index)));
        }
    }

    /** The matches of {@code filter} in {@code snapshot}, in the order {@code sort} names. */
    public static Sorted sorted(ActivityCatalog.Snapshot snapshot, ActivityFilter filter, String sort,
                                Map<String, Float> scores) {
        return sorted(snapshot.matching(filter), filter, sort, scores);
    }

    /** {@code matching} (matches of {@code filter} in title order, a list it may reorder) in the order {@code sort} names. */
    public static Sorted sorted(List<ActivityRow> matching, ActivityFilter filter, String sort,
                                Map<String, Float> scores) {
        Function<ActivityRow, String> key = sortKey(sort, filter, scores);
        Comparator<String> order = sort.startsWith("-") ? Comparator.reverseOrder() : Comparator.naturalOrder();
        // The snapshot hands the matches over in title order: other orders sort them by a key computed once each.
        if (sort.equals("-title")) {
            java.util.Collections.reverse(matching);
        } else if (!sort.equals("title")) {
            Map<ActivityRow, String> keyOf = new java.util.IdentityHashMap<>();
            matching.forEach(r -> keyOf.put(r, key.apply(r)));
            matching.sort(Comparator.comparing(keyOf::get, order));
        }
        return new Sorted(matching, key, order);
    }

    /** {@code filter} with its {@code q} answered by the search index; the scores by key (empty without q). */
    public static Map.Entry<ActivityFilter, Map<String, Float>> withText(Tissu tissu, ActivityFilter filter, String q) {
        if (filter.words().isEmpty()) {
            return Map.entry(filter, Map.of());
        }
        Map<String, Float> scores = tissu.index().matches("activity", q, null);
        return Map.entry(filter.withMatches(scores.keySet()), scores);
    }

    private void export(ServerResponse res, String format, List<ActivityRow> rows, ActivityFilter filter) {
        res.header(io.helidon.http.HeaderNames.CONTENT_TYPE, FORMATS.get(format));
        if (!format.equals("geojson")) {
            res.header(io.helidon.http.HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"activites." + format + "\"");
        }
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(res.outputStream(), 1 << 16)) {
            switch (format) {
                case "csv" -> ActivityFormats.csv(out, rows, tissu.config().publicUrl());
                case "geojson" -> ActivityFormats.geojson(out, rows, filter);
                default -> ActivityFormats.ical(out, rows, tissu.config().publicUrl());
            }
        } catch (java.io.IOException e) {
            throw ActivityFormats.unchecked(e);
        }
    }

    private void getActivity(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), Set.of("fields", "format"));
        Set<String> fields = new HashSet<>(params.all("fields"));
        String format = RestSupport.format(req, params, FORMATS);
        String id = req.path().pathParameters().get("id");
        ActivityRow row = catalog.current().byId().get(id);
        if (row == null) {
            Problems.send(req, res, Status.NOT_FOUND_404, "no activity '" + id + "'");
            return;
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(List.of(row.iri())));
            return;
        }
        if (!format.equals("json")) {
            export(res, format, List.of(row), null);
            return;
        }
        Map<String, Object> item = item(row, null);
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX locn: <http://www.w3.org/ns/locn#>
                SELECT * WHERE {
                  OPTIONAL { ?a dct:description ?description }
                  OPTIONAL { ?a schema:email ?email }
                  OPTIONAL { ?a schema:telephone ?telephone }
                  OPTIONAL { ?a schema:offers/schema:url ?registration }
                  OPTIONAL { ?a schema:location/locn:address/locn:fullAddress ?address }
                } LIMIT 1""");
        q.setIri("a", row.iri());
        tissu.store().select(q.toString(), Duration.ofSeconds(10), r -> {
            for (String v : List.of("description", "email", "telephone", "registration", "address")) {
                RDFNode value = r.get(v);
                item.put(v, value == null ? null : value.isLiteral() ? value.asLiteral().getLexicalForm()
                        : value.asResource().getURI());
            }
        });
        item.put("links", Map.of("self", "/api/v1/activities/" + row.id(), "rdf", row.iri()));
        RestSupport.json(res, RestSupport.project(item, fields));
    }

    /** The JSON of one activity. */
    static Map<String, Object> item(ActivityRow row, ActivityFilter filter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.iri());
        m.put("url", "/api/v1/activities/" + row.id());
        m.put("identifier", row.id());
        m.put("title", row.title());
        String rna = row.organizer().substring(row.organizer().lastIndexOf('/') + 1);
        Map<String, Object> organizer = new LinkedHashMap<>();
        organizer.put("id", row.organizer());
        organizer.put("url", "/api/v1/associations/" + rna);
        organizer.put("name", row.organizerName());
        m.put("organizer", organizer);
        Map<String, Object> commune = new LinkedHashMap<>();
        commune.put("code", row.commune());
        commune.put("name", ReferenceData.get().commune(row.commune()).map(ReferenceData.Commune::name).orElse(null));
        commune.put("url", "/api/v1/communes/" + row.commune());
        m.put("commune", commune);
        m.put("themes", row.themes().stream().sorted().toList());
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
        m.put("languages", row.languages().stream().sorted().toList());
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("name", row.placeName());
        place.put("lat", row.lat());
        place.put("lon", row.lon());
        m.put("place", place);
        if (filter != null && filter.near() != null && row.lat() != null) {
            m.put("distance", Math.round(filter.near().distance(row.lat(), row.lon())));
        }
        return m;
    }

    /** The sort key of a row, ending with its id so that keys are unique (the cursor is the last key shown). */
    private static Function<ActivityRow, String> sortKey(String sort, ActivityFilter filter, Map<String, Float> scores) {
        return switch (sort) {
            case "relevance" -> r -> (100_000_000_000L - Math.round(scores.getOrDefault(r.id(), 0f) * 1_000_000))
                    + "\u0001" + r.id();
            case "start" -> r -> r.start() + r.folded() + '\u0001' + r.id();
            case "price" -> r -> (1_000_000_000L + Math.round((Boolean.TRUE.equals(r.free()) || r.price() == null
                    ? 0.0 : r.price().doubleValue()) * 100)) + "\u0001" + r.id();
            case "commune" -> r -> r.commune() + r.folded() + '\u0001' + r.id();
            case "distance" -> r -> (r.lat() == null ? "99999999999"
                    : Long.toString(10_000_000_000L + Math.round(filter.near().distance(r.lat(), r.lon()))))
                    + '\u0001' + r.id();
            default -> r -> r.folded() + '\u0001' + r.id();
        };
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor from {@link Sorted#cursor}, decoded; a 400 naming {@code after} when it is not one. */
    public static String cursor(String after) {
        try {
            return new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("after", "not a cursor from a previous page's links.next");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

package fr.tissu.api.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.tissu.api.Problems;
import fr.tissu.api.Tissu;
import fr.tissu.api.filter.ActivityFilter;
import fr.tissu.api.filter.Params;
import fr.tissu.loader.reference.ReferenceData;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.query.QuerySolution;

/**
 * Places where activities run ({@code /api/v1/places}) and digital-support points ({@code /api/v1/support-points}),
 * each with a list ({@code commune}, {@code epci}, {@code near} + {@code radius}, {@code q}) and an item. Both are
 * few enough to keep in memory, read with one query per data version.
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/support-points?near=48.1115,-1.68&radius=2000'}
 */
public final class PlacesService implements HttpService {
    private static final Set<String> PARAMETERS = Set.of("commune", "epci", "near", "radius", "q", "after", "limit",
            "fields");

    private final Tissu tissu;
    private final String collection;
    private final String query;
    private final fr.tissu.api.filter.PerVersion<Snapshot> snapshot;

    private record Snapshot(long version, List<Map<String, Object>> items, Map<String, Map<String, Object>> byKey) {
    }

    private PlacesService(Tissu tissu, String collection, String query) {
        this.tissu = tissu;
        this.collection = collection;
        this.query = query;
        this.snapshot = new fr.tissu.api.filter.PerVersion<>(tissu.store(), this::load);
    }

    /** The places where activities run (support points excepted). */
    public static PlacesService places(Tissu tissu) {
        return new PlacesService(tissu, "places", """
                PREFIX schema: <https://schema.org/> PREFIX tissu: <https://w3id.org/tissu/ns#>
                PREFIX locn: <http://www.w3.org/ns/locn#> PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
                SELECT * WHERE {
                  ?p a schema:Place ; schema:name ?name .
                  FILTER NOT EXISTS { ?p a tissu:SupportPoint }
                  OPTIONAL { ?p tissu:commune ?commune }
                  OPTIONAL { ?p locn:address/locn:fullAddress ?address }
                  OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon }
                }""");
    }

    /** The digital-support points. */
    public static PlacesService supportPoints(Tissu tissu) {
        return new PlacesService(tissu, "support-points", """
                PREFIX schema: <https://schema.org/> PREFIX tissu: <https://w3id.org/tissu/ns#>
                PREFIX locn: <http://www.w3.org/ns/locn#> PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
                PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                SELECT * WHERE {
                  ?p a tissu:SupportPoint ; schema:name ?name .
                  OPTIONAL { ?p tissu:commune ?commune }
                  OPTIONAL { ?p locn:address/locn:fullAddress ?address }
                  OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon }
                  OPTIONAL { ?p schema:openingHours ?hours }
                  OPTIONAL { ?p schema:telephone ?telephone }
                  OPTIONAL { ?p schema:email ?email }
                  OPTIONAL { ?p foaf:homepage ?website }
                  OPTIONAL { ?p schema:description ?summary }
                  OPTIONAL { ?p tissu:service ?service }
                  OPTIONAL { ?p schema:isAccessibleForFree ?free }
                }""");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/" + collection, this::list)
                .get("/api/v1/" + collection + "/{key}", this::get);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), PARAMETERS);
        Set<String> communes = p.communes();
        ActivityFilter.Circle near = p.circle();
        List<String> words = p.words("q");
        int limit = p.integer("limit", 20, 1, 500);
        Set<String> fields = new HashSet<>(p.all("fields"));
        String after = p.one("after");
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        ActivityFilter.Circle circle = near;
        List<Map<String, Object>> matching = current().items().stream()
                .filter(i -> communes.isEmpty() || (i.get("commune") instanceof Map<?, ?> c && communes.contains(c.get("code"))))
                .filter(i -> circle == null || (i.get("lat") != null
                        && circle.distance((Double) i.get("lat"), (Double) i.get("lon")) <= circle.radius()))
                .filter(i -> words.stream().allMatch(w -> Vocabulary.fold((String) i.get("name")).contains(w)))
                .toList();
        RestSupport.json(res, Pages.page(req, res, "/api/v1/" + collection, matching, i -> (String) i.get("identifier"),
                after, limit, LinkedHashMap::new, fields));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Set<String> fields = new HashSet<>(new Params(RestSupport.params(req), Set.of("fields")).all("fields"));
        String key = req.path().pathParameters().get("key");
        Map<String, Object> item = current().byKey().get(key);
        if (item == null) {
            Problems.send(req, res, Status.NOT_FOUND_404, "no such " + collection.replace("-", " ") + ": '" + key + "'");
            return;
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        RestSupport.json(res, RestSupport.project(new LinkedHashMap<>(item), fields));
    }

    private Snapshot current() {
        return snapshot.get();
    }

    /** Every place (or support point) of the current data version, as the REST items, by key. */
    public List<Map<String, Object>> items() {
        return current().items();
    }

    private Snapshot load(long version) {
        Map<String, Map<String, Object>> byIri = new TreeMap<>();
        tissu.store().select(query, Duration.ofMinutes(5), r -> merge(byIri, r));
        List<Map<String, Object>> items = new ArrayList<>(byIri.values());
        items.sort(Comparator.comparing(i -> (String) i.get("identifier")));
        Map<String, Map<String, Object>> byKey = new java.util.HashMap<>();
        items.forEach(i -> byKey.put((String) i.get("identifier"), i));
        return new Snapshot(version, List.copyOf(items), byKey);
    }

    @SuppressWarnings("unchecked")
    private void merge(Map<String, Map<String, Object>> items, QuerySolution r) {
        String iri = r.getResource("p").getURI();
        Map<String, Object> m = items.computeIfAbsent(iri, k -> {
            String key = iri.substring(iri.lastIndexOf('/') + 1);
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", iri);
            n.put("url", "/api/v1/" + collection + "/" + key);
            n.put("identifier", key);
            n.put("name", r.getLiteral("name").getLexicalForm());
            String commune = r.contains("commune") ? r.getResource("commune").getURI() : null;
            if (commune == null) {
                n.put("commune", null);
            } else {
                String code = commune.substring(commune.lastIndexOf('/') + 1);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("code", code);
                c.put("name", ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(null));
                c.put("url", "/api/v1/communes/" + code);
                n.put("commune", c);
            }
            n.put("address", text(r, "address"));
            n.put("lat", r.contains("lat") ? Double.valueOf(text(r, "lat")) : null);
            n.put("lon", r.contains("lon") ? Double.valueOf(text(r, "lon")) : null);
            if (collection.equals("support-points")) {
                n.put("openingHours", text(r, "hours"));
                n.put("telephone", text(r, "telephone"));
                n.put("email", text(r, "email"));
                n.put("website", r.contains("website") ? r.getResource("website").getURI() : null);
                n.put("summary", text(r, "summary"));
                n.put("free", r.contains("free") ? r.getLiteral("free").getBoolean() : null);
                n.put("services", new ArrayList<String>());
            }
            return n;
        });
        if (r.contains("service")) {
            List<String> services = (List<String>) m.get("services");
            String service = text(r, "service");
            if (!services.contains(service)) {
                services.add(service);
            }
        }
    }

    private static String text(QuerySolution r, String var) {
        return r.contains(var) ? r.getLiteral(var).getLexicalForm() : null;
    }
}

package fr.tissu.api.rest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.Params;
import fr.tissu.api.http.Problem;
import fr.tissu.store.read.Listing;
import fr.tissu.store.read.Located;
import fr.tissu.store.read.Place;
import fr.tissu.store.read.SupportPoint;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Places where activities run ({@code /api/v1/places}) and digital-support points ({@code /api/v1/support-points}),
 * each with a list ({@code commune}, {@code epci}, {@code near} + {@code radius}, {@code q}) and an item. Both are
 * few enough to keep in memory: the read model's listings, one per data version.
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/support-points?near=48.1115,-1.68&radius=2000'}
 *
 * @param <T> the kind of thing listed
 */
public final class PlacesService<T extends Located> implements HttpService {
    private static final Set<String> PARAMETERS = Set.of("commune", "epci", "near", "radius", "q", "after", "limit",
            "fields");

    private final Instance tissu;
    private final String collection;
    private final Supplier<Listing<T>> listing;
    private final Function<T, Map<String, Object>> json;

    private PlacesService(Instance tissu, String collection, Supplier<Listing<T>> listing,
                          Function<T, Map<String, Object>> json) {
        this.tissu = tissu;
        this.collection = collection;
        this.listing = listing;
        this.json = json;
    }

    /** The places where activities run (support points excepted). */
    public static PlacesService<Place> places(Instance tissu) {
        return new PlacesService<>(tissu, "places", () -> tissu.model().places(), PlacesService::place);
    }

    /** The digital-support points. */
    public static PlacesService<SupportPoint> supportPoints(Instance tissu) {
        return new PlacesService<>(tissu, "support-points", () -> tissu.model().supportPoints(),
                PlacesService::supportPoint);
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
        List<T> matching = listing.get().items().stream()
                .filter(t -> communes.isEmpty() || communes.contains(t.commune()))
                .filter(t -> near == null || (t.lat() != null && near.distance(t.lat(), t.lon()) <= near.radius()))
                .filter(t -> words.stream().allMatch(w -> Vocabulary.fold(t.name()).contains(w)))
                .toList();
        RestSupport.json(res, Pages.page(req, res, "/api/v1/" + collection, matching, Located::key, after, limit,
                json, fields));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Set<String> fields = new HashSet<>(new Params(RestSupport.params(req), Set.of("fields")).all("fields"));
        String key = req.path().pathParameters().get("key");
        T thing = listing.get().byKey().get(key);
        if (thing == null) {
            throw new Problem(Status.NOT_FOUND_404, "no such " + collection.replace("-", " ") + ": '" + key + "'");
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        RestSupport.json(res, RestSupport.project(json.apply(thing), fields));
    }

    /** The JSON of a place. */
    static Map<String, Object> place(Place p) {
        return located(p, "places", p.address());
    }

    /** The JSON of a digital-support point. */
    static Map<String, Object> supportPoint(SupportPoint s) {
        Map<String, Object> n = located(s, "support-points", s.address());
        n.put("openingHours", s.openingHours());
        n.put("telephone", s.telephones().isEmpty() ? null : s.telephones().get(0));
        n.put("email", s.emails().isEmpty() ? null : s.emails().get(0));
        n.put("website", s.websites().isEmpty() ? null : s.websites().get(0));
        n.put("summary", s.summary());
        n.put("free", s.free());
        n.put("services", s.services());
        return n;
    }

    private static Map<String, Object> located(Located t, String collection, String address) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", t.iri());
        n.put("url", "/api/v1/" + collection + "/" + t.key());
        n.put("identifier", t.key());
        n.put("name", t.name());
        n.put("commune", t.commune() == null ? null : CommuneRefs.of(t.commune()));
        n.put("address", address);
        n.put("lat", t.lat());
        n.put("lon", t.lon());
        return n;
    }
}

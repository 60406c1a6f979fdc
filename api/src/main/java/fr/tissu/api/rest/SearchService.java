package fr.tissu.api.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.AssociationFilter;
import fr.tissu.api.domain.LuceneFilters;
import fr.tissu.api.domain.Params;
import fr.tissu.search.Fields;
import fr.tissu.search.SearchRequest;
import fr.tissu.search.SearchResult;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Full-text search over associations, activities, places and digital-support points:
 * {@code GET /api/v1/search?q=&type=&…filters…&facets=} and completion, {@code GET /api/v1/search/suggest?q=}.
 * The filters are the lists' (parsed and checked by the same classes), compiled to Lucene.
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/search?q=judo+enfants&facets=type,day'}
 */
public final class SearchService implements HttpService {
    /** The types of thing indexed, as {@code type=} takes them. */
    public static final List<String> TYPES = List.of("association", "activity", "place", "support-point");
    private static final Set<String> PARAMETERS;
    private static final Map<String, String> PATHS = Map.of("association", "associations", "activity", "activities",
            "place", "places", "support-point", "support-points");

    static {
        Set<String> all = new HashSet<>(ActivityFilter.PARAMETERS);
        all.addAll(AssociationFilter.PARAMETERS);
        all.addAll(Set.of("type", "facets", "sort", "after", "limit", "highlight"));
        PARAMETERS = Set.copyOf(all);
    }

    private final Instance tissu;

    /** Search over {@code tissu}'s index. */
    public SearchService(Instance tissu) {
        this.tissu = tissu;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/search", this::search)
                .get("/api/v1/search/suggest", this::suggest);
    }

    private void search(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), PARAMETERS);
        ActivityFilter activity = ActivityFilter.parse(params, LocalDate.now());
        AssociationFilter association = AssociationFilter.parse(params);
        int limit = params.integer("limit", 20, 1, 100);
        List<String> facets = list(params, "facets", Fields.FACETS);
        String sort = params.one("sort") == null ? "relevance" : params.one("sort");
        if (!sort.equals("relevance") && !sort.equals("distance")) {
            throw new BadParameterException("sort", "expected relevance or distance");
        }
        if (sort.equals("distance") && activity.near() == null) {
            throw new BadParameterException("sort", "sort=distance needs near=lat,lon");
        }
        Boolean highlight = params.bool("highlight");
        Query filter = filter(params, activity, association);
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        double[] origin = activity.near() == null ? null : new double[] {activity.near().lat(), activity.near().lon()};
        SearchResult result;
        try {
            result = tissu.index().search(new SearchRequest(params.one("q") == null ? "" : params.one("q"), filter,
                    limit, params.one("after"), origin, sort.equals("distance"), facets, highlight == null
                    || highlight));
        } catch (SearchRequest.BadCursor e) {
            throw new BadParameterException("after", "not a cursor from a previous page's links.next");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", result.total());
        if (!result.exact()) {
            body.put("totalExact", false); // at least total: counting stops there when no facet is asked
        }
        body.put("limit", limit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            Map<String, Object> item = hit(hit);
            item.put("score", sort.equals("distance") ? null : hit.score());
            if (hit.distance() != null) {
                item.put("distance", Math.round(hit.distance()));
            }
            item.put("highlights", hit.highlights());
            items.add(item);
        }
        body.put("items", items);
        if (!facets.isEmpty()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            result.facets().forEach((dim, values) -> counts.put(dim, values.stream()
                    .map(v -> Map.of("value", v.value(), "count", v.count())).toList()));
            body.put("facets", counts);
        }
        body.put("links", PageLinks.of(req, res, "/api/v1/search", result.next()).json());
        RestSupport.json(res, body);
    }

    private void suggest(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), Set.of("q", "type", "limit"));
        String q = params.one("q");
        if (q == null || q.isBlank()) {
            throw new BadParameterException("q", "type at least one letter");
        }
        int limit = params.integer("limit", 8, 1, 20);
        Query filter = types(list(params, "type", TYPES));
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        List<Map<String, Object>> items = tissu.index().suggest(q, filter, limit).stream().map(SearchService::hit)
                .toList();
        RestSupport.json(res, Map.of("items", items));
    }

    /** Type, then the activity and association conditions (each keeps only the types it applies to). */
    private static Query filter(Params params, ActivityFilter activity, AssociationFilter association) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (Query q : new Query[] {types(list(params, "type", TYPES)), LuceneFilters.activity(activity),
                LuceneFilters.association(association)}) {
            if (q != null) {
                all.add(q, BooleanClause.Occur.FILTER);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    private static Query types(List<String> types) {
        if (types.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        types.forEach(t -> any.add(new TermQuery(new Term(Fields.TYPE, t)), BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /** A repeatable or comma-separated parameter whose values must be among {@code allowed}. */
    private static List<String> list(Params params, String name, List<String> allowed) {
        List<String> values = new ArrayList<>();
        for (String v : params.all(name)) {
            for (String one : v.split(",")) {
                String t = one.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(t)) {
                    throw new BadParameterException(name, "unknown value '" + t + "' (expected " + String.join(", ",
                            allowed) + ")");
                }
                if (!values.contains(t)) {
                    values.add(t);
                }
            }
        }
        return values;
    }

    private static Map<String, Object> hit(SearchResult.Hit hit) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", hit.uri());
        item.put("url", "/api/v1/" + PATHS.get(hit.type()) + "/" + hit.key());
        item.put("type", hit.type());
        item.put("name", hit.name());
        item.put("commune", hit.commune());
        return item;
    }
}

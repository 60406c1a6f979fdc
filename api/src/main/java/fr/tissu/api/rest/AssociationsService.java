package fr.tissu.api.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.AssociationFilter;
import fr.tissu.api.domain.LuceneFilters;
import fr.tissu.api.domain.Params;
import fr.tissu.api.http.Problem;
import fr.tissu.search.Fields;
import fr.tissu.search.SearchRequest;
import fr.tissu.search.SearchResult;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Cursor;
import fr.tissu.store.read.Describer;
import fr.tissu.vocabulary.Sparql;
import io.helidon.http.Status;
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
 * Associations: {@code GET /api/v1/associations} (filters, {@code sort=name|-name|founded|-founded},
 * {@code after}, {@code limit}, {@code fields}) and {@code GET /api/v1/associations/{rna}} with its activities.
 * Three store queries per page at most (count, page, details), whatever the limit.
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/associations?commune=35238&theme=sport&status=active'}
 */
public final class AssociationsService implements HttpService {
    private static final Set<String> PARAMETERS;
    private static final List<String> SORTS = List.of("name", "-name", "founded", "-founded", "relevance");
    private static final Map<String, String> FORMATS = Map.of("json", "application/json", "jsonld",
            "application/ld+json");

    static {
        Set<String> all = new HashSet<>(AssociationFilter.PARAMETERS);
        all.addAll(Set.of("sort", "after", "limit", "fields", "format"));
        PARAMETERS = Set.copyOf(all);
    }

    private final Instance tissu;
    private final Duration timeout;
    private final Describer describer;

    /** The associations of {@code tissu}'s read model, with the activities each one runs. */
    public AssociationsService(Instance tissu) {
        this.tissu = tissu;
        this.timeout = tissu.config().queryTimeout();
        this.describer = new Describer(tissu.store(), timeout);
    }

    /** JSON first: it is what a client that accepts anything gets. */
    private static Map<String, String> ordered(Map<String, String> formats) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("json", formats.get("json"));
        ordered.putAll(formats);
        return ordered;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/associations", this::listAssociations)
                .get("/api/v1/associations/{rna}", this::getAssociation);
    }

    private void listAssociations(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), PARAMETERS);
        AssociationFilter filter = AssociationFilter.parse(params);
        int limit = params.integer("limit", 20, 1, 500);
        boolean text = !filter.words().isEmpty();
        String sort = params.one("sort") == null ? (text ? "relevance" : "name") : params.one("sort");
        if (!SORTS.contains(sort)) {
            throw new BadParameterException("sort", "expected one of " + String.join(", ", SORTS));
        }
        if (text != sort.equals("relevance")) {
            throw new BadParameterException("sort", text ? "with q, associations come by relevance (sort=relevance)"
                    : "sort=relevance needs q");
        }
        Set<String> fields = new HashSet<>(params.all("fields"));
        // with q the cursor is the search index's, otherwise the list's own (sort key and id)
        List<String> cursor = text ? null : Params.after(params.one("after"), 2);
        String format = RestSupport.format(req, params, ordered(FORMATS));
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        if (text) {
            listByText(req, res, params, filter, limit, fields, format);
            return;
        }
        String where = filter.pattern(code -> tissu.ids().commune(code).getURI());
        long[] total = {0};
        tissu.store().select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {\n" + where + "}", timeout,
                r -> total[0] = r.getLiteral("n").getLong());
        boolean byFounded = sort.endsWith("founded");
        boolean descending = sort.startsWith("-");
        String key = byFounded ? "STR(COALESCE(?founded, \"0001-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>))"
                : "STR(?name)";
        StringBuilder page = new StringBuilder("SELECT DISTINCT ?a ?id ?key WHERE {\n").append(where);
        if (byFounded) {
            page.append("  OPTIONAL { ?a <https://schema.org/foundingDate> ?founded }\n");
        }
        page.append("  BIND(").append(key).append(" AS ?key)\n");
        if (cursor != null) {
            String op = descending ? "<" : ">";
            String key0 = Sparql.literal(cursor.get(0));
            page.append("  FILTER(?key ").append(op).append(' ').append(key0).append(" || (?key = ").append(key0)
                    .append(" && ?id ").append(op).append(' ').append(Sparql.literal(cursor.get(1))).append("))\n");
        }
        page.append("} ORDER BY ").append(descending ? "DESC(?key) DESC(?id)" : "?key ?id").append(" LIMIT ")
                .append(limit + 1);
        List<String[]> rows = new ArrayList<>();
        tissu.store().select(page.toString(), timeout, r -> rows.add(new String[] {r.getResource("a").getURI(),
                r.getLiteral("id").getLexicalForm(), r.getLiteral("key").getLexicalForm()}));
        boolean more = rows.size() > limit;
        List<String[]> shown = rows.subList(0, Math.min(limit, rows.size()));
        String[] last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        PageLinks links = PageLinks.of(req, res, "/api/v1/associations", more ? Cursor.of(last[2], last[1]) : null);
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(shown.stream().map(r -> r[0]).toList()));
            return;
        }
        Map<String, Association> items = tissu.model().associations(shown.stream().map(r -> r[0]).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total[0]);
        body.put("limit", limit);
        body.put("items", shown.stream().filter(r -> items.containsKey(r[0]))
                .map(r -> RestSupport.project(item(items.get(r[0])), fields)).toList());
        body.put("links", links.json());
        RestSupport.json(res, body);
    }

    /**
     * {@code q}: the search index matches, scores and pages (French analysis, the same filters compiled to Lucene);
     * the store gives the page's details in one query.
     */
    private void listByText(ServerRequest req, ServerResponse res, Params params, AssociationFilter filter, int limit,
                            Set<String> fields, String format) {
        BooleanQuery.Builder only = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(
                        Fields.TYPE, "association")), BooleanClause.Occur.FILTER);
        Query compiled = LuceneFilters.association(filter);
        if (compiled != null) {
            only.add(compiled, BooleanClause.Occur.FILTER);
        }
        SearchResult found;
        try {
            found = tissu.index().search(new SearchRequest(params.one("q"), only.build(), limit,
                    params.one("after"), null, false, List.of(), false, true));
        } catch (SearchRequest.BadCursor e) {
            throw new BadParameterException("after", "not a cursor from a previous page's links.next");
        }
        List<String> iris = found.hits().stream().map(SearchResult.Hit::uri).toList();
        PageLinks links = PageLinks.of(req, res, "/api/v1/associations", found.next());
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(iris));
            return;
        }
        Map<String, Association> items = tissu.model().associations(iris);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", found.total());
        body.put("limit", limit);
        body.put("items", iris.stream().filter(items::containsKey)
                .map(iri -> RestSupport.project(item(items.get(iri)), fields)).toList());
        body.put("links", links.json());
        RestSupport.json(res, body);
    }

    private void getAssociation(ServerRequest req, ServerResponse res) {
        Params params = new Params(RestSupport.params(req), Set.of("fields", "format"));
        Set<String> fields = new HashSet<>(params.all("fields"));
        String format = RestSupport.format(req, params, ordered(FORMATS));
        String rna = req.path().pathParameters().get("rna");
        if (!rna.matches("W[0-9A-Z]{9}")) {
            throw new Problem(Status.NOT_FOUND_404, "no association '" + rna + "' (an RNA number is W + 9 characters)");
        }
        String iri = tissu.ids().association(rna).getURI();
        Association association = tissu.model().associations(List.of(iri)).get(iri);
        if (association == null) {
            throw new Problem(Status.NOT_FOUND_404, "no association '" + rna + "'");
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        if (format.equals("jsonld")) {
            JsonLd.send(res, describer.describeAll(List.of(iri)));
            return;
        }
        Map<String, Object> item = item(association);
        item.put("activities", tissu.model().activities().byOrganizer().getOrDefault(iri, List.of()).stream()
                .map(a -> Map.of("id", a.iri(), "url", "/api/v1/activities/" + a.key(), "title", a.title())).toList());
        RestSupport.json(res, RestSupport.project(item, fields));
    }

    /** The JSON of an association. */
    static Map<String, Object> item(Association a) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", a.iri());
        n.put("url", "/api/v1/associations/" + a.rna());
        n.put("identifier", a.rna());
        n.put("name", a.name());
        n.put("status", a.status());
        n.put("founded", a.founded() == null ? null : a.founded().toString());
        n.put("dissolved", a.dissolved() == null ? null : a.dissolved().toString());
        n.put("commune", a.commune() == null ? null : CommuneRefs.of(a.commune()));
        n.put("themes", a.themes());
        n.put("socialObjectCodes", a.socialObjectCodes());
        n.put("object", a.description());
        n.put("website", a.website());
        n.put("address", a.address());
        return n;
    }
}

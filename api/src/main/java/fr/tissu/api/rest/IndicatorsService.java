package fr.tissu.api.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.Charter;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.api.domain.IndicatorYears;
import fr.tissu.api.domain.Params;
import fr.tissu.api.http.Problem;
import fr.tissu.store.read.Cursor;
import fr.tissu.store.read.Observation;
import fr.tissu.store.read.Selection;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * The charter's indicators and their values: {@code GET /api/v1/indicators} ({@code axis}),
 * {@code GET /api/v1/indicators/{code}}, {@code GET /api/v1/observations} ({@code commune}, {@code epci},
 * {@code indicator}, {@code year}, {@code origin}) and {@code GET /api/v1/observations/{commune}/{indicator}/{year}}.
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/observations?epci=243500139&indicator=3.3&year=2025'}
 */
public final class IndicatorsService implements HttpService {
    private static final Set<String> OBSERVATION_PARAMETERS = Set.of("commune", "epci", "indicator", "year", "origin",
            "after", "limit", "fields");
    private static final Map<String, String> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("json", "application/json");
        FORMATS.put("csv", "text/csv; charset=utf-8");
    }

    private final Instance tissu;
    private final IndicatorComparison comparison;

    /** The charter from the vocabulary, the values from {@code tissu}'s store, compared by {@code comparison}. */
    public IndicatorsService(Instance tissu, IndicatorComparison comparison) {
        this.tissu = tissu;
        this.comparison = comparison;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/indicators", this::listIndicators)
                .get("/api/v1/indicators/{code}", this::getIndicator)
                .get("/api/v1/indicators/{code}/compare", this::compare)
                .get("/api/v1/observations", this::listObservations)
                .get("/api/v1/observations/{commune}/{indicator}/{year}", this::getObservation);
    }

    private void listIndicators(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), Set.of("axis", "fields"));
        String axis = p.one("axis");
        if (axis != null && !axis.matches("[1-7]")) {
            throw new BadParameterException("axis", "expected an axis number from 1 to 7");
        }
        Set<String> fields = new HashSet<>(p.all("fields"));
        List<Map<String, Object>> items = Charter.indicators().stream()
                .filter(i -> axis == null || i.axis().code().equals(axis))
                .map(i -> RestSupport.project(RestSupport.map(i), fields)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", items.size());
        body.put("limit", items.size());
        body.put("items", items);
        body.put("links", Map.of("self", "/api/v1/indicators" + (req.query().rawValue().isEmpty() ? ""
                : "?" + req.query().rawValue())));
        RestSupport.json(res, body);
    }

    private void getIndicator(ServerRequest req, ServerResponse res) {
        Set<String> fields = new HashSet<>(new Params(RestSupport.params(req), Set.of("fields")).all("fields"));
        String code = req.path().pathParameters().get("code");
        var found = Charter.indicator(code).map(RestSupport::map);
        if (found.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no charter indicator '" + code + "' (1.1 to 7.3)");
        }
        RestSupport.json(res, RestSupport.project(new LinkedHashMap<>(found.get()), fields));
    }

    private void compare(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), Set.of("commune", "group", "year", "origin", "format"));
        String code = req.path().pathParameters().get("code");
        if (Vocabulary.get().indicator(code).isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no charter indicator '" + code + "' (1.1 to 7.3)");
        }
        String commune = p.one("commune");
        if (commune == null) {
            throw new BadParameterException("commune", "the commune to compare is required (an INSEE code)");
        }
        String group = p.one("group") == null ? "epci" : p.one("group");
        Integer year = p.one("year") == null ? null : p.integer("year", 0, IndicatorYears.FIRST, IndicatorYears.last());
        String format = RestSupport.format(req, p, FORMATS);
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        Map<String, Object> body = comparison.compare(code, commune, group, year, p.one("origin"));
        if (format.equals("csv")) {
            Map<?, ?> g = (Map<?, ?>) body.get("group");
            List<List<Object>> rows = new ArrayList<>();
            for (Object o : (List<?>) body.get("items")) {
                Map<?, ?> i = (Map<?, ?>) o;
                rows.add(Arrays.asList(code, body.get("year"), g.get("kind"), g.get("code"), i.get("code"),
                        i.get("name"), i.get("population"), i.get("value"), i.get("per1000"), i.get("rank"),
                        i.get("origin")));
            }
            RestSupport.csv(res, List.of("indicateur", "annee", "groupe", "code_groupe", "code_insee", "commune",
                    "population", "valeur", "pour_1000_habitants", "rang", "origine"), rows, "comparaison-" + code
                    + "-" + commune + "-" + body.get("year") + ".csv");
            return;
        }
        String query = req.query().rawValue();
        body.put("links", Map.of("self", "/api/v1/indicators/" + code + "/compare"
                + (query.isEmpty() ? "" : "?" + query),
                "csv", "/api/v1/indicators/" + code + "/compare?" + (query.isEmpty() ? "" : query.replaceAll(
                        "(^|&)format=[^&]*", "") + "&") + "format=csv"));
        RestSupport.json(res, body);
    }

    private void listObservations(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), OBSERVATION_PARAMETERS);
        Set<String> communes = p.communes();
        List<String> codes = p.all("indicator");
        for (String code : codes) {
            if (Vocabulary.get().indicator(code).isEmpty()) {
                throw new BadParameterException("indicator", "unknown charter indicator '" + code + "' (1.1 to 7.3)");
            }
        }
        List<String> years = p.all("year");
        years.forEach(IndicatorYears::check);
        String origin = p.one("origin");
        if (origin != null && !origin.equals("declared") && !origin.equals("computed")) {
            throw new BadParameterException("origin", "expected declared or computed");
        }
        int limit = p.integer("limit", 20, 1, 500);
        Set<String> fields = new HashSet<>(p.all("fields"));
        List<String> cursor = Params.after(p.one("after"), 1);
        String after = cursor == null ? null : cursor.get(0);
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        StringBuilder where = new StringBuilder();
        if (!communes.isEmpty()) {
            where.append("  VALUES ?area {");
            communes.forEach(c -> where.append(' ').append(Sparql.iri(tissu.ids().commune(c))));
            where.append(" }\n");
        }
        if (!codes.isEmpty()) {
            where.append("  VALUES ?indicator {");
            codes.forEach(c -> where.append(' ').append(Sparql.iri(Tissu.indicatorConcept(c))));
            where.append(" }\n");
        }
        if (!years.isEmpty()) {
            where.append("  VALUES ?year {");
            years.forEach(y -> where.append(' ').append(Sparql.literal(String.valueOf(y), XSDDatatype.XSDgYear)));
            where.append(" }\n");
        }
        where.append(OBSERVATION_CORE);
        if (origin != null) {
            where.append("  FILTER(?origin = ").append(Sparql.iri(Tissu.BASE + "origin/" + origin))
                    .append(")\n");
        }
        long[] total = {0};
        Duration timeout = tissu.config().queryTimeout();
        tissu.store().select("SELECT (COUNT(*) AS ?n) WHERE {\n" + where + "}", timeout,
                r -> total[0] = r.getLiteral("n").getLong());
        // a page of observations by IRI, then their records from the one projection
        String page = "SELECT ?obs WHERE {\n" + where
                + (after == null ? "" : "  FILTER(STR(?obs) > " + Sparql.literal(after) + ")\n")
                + "} ORDER BY ?obs LIMIT " + (limit + 1);
        List<String> iris = new ArrayList<>();
        tissu.store().select(page, timeout, r -> iris.add(r.getResource("obs").getURI()));
        Map<String, Map<String, Object>> byIri = new HashMap<>();
        tissu.model().observations(Selection.things(iris)).forEach(o -> byIri.putIfAbsent(o.iri(), observation(o)));
        List<Map<String, Object>> rows = iris.stream().map(byIri::get).filter(Objects::nonNull).toList();
        boolean more = rows.size() > limit;
        List<Map<String, Object>> shown = rows.subList(0, Math.min(limit, rows.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total[0]);
        body.put("limit", limit);
        body.put("items", shown.stream().map(o -> RestSupport.project(o, fields)).toList());
        body.put("links", PageLinks.of(req, res, "/api/v1/observations", more
                ? Cursor.of((String) shown.get(shown.size() - 1).get("id")) : null).json());
        RestSupport.json(res, body);
    }

    private void getObservation(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), Set.of("fields", "origin"));
        Set<String> fields = new HashSet<>(p.all("fields"));
        String origin = p.one("origin");
        if (origin != null && !origin.equals("declared") && !origin.equals("computed")) {
            throw new BadParameterException("origin", "expected declared or computed");
        }
        var path = req.path().pathParameters();
        String iri = tissu.ids().thing("observation", path.get("commune") + "/" + path.get("indicator") + "/"
                + path.get("year") + ("computed".equals(origin) ? "/computed" : "")).getURI();
        List<Map<String, Object>> found = tissu.model().observations(Selection.things(List.of(iri))).stream()
                .map(IndicatorsService::observation).toList();
        if (found.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no observation for this commune, indicator and year");
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        RestSupport.json(res, RestSupport.project(found.get(0), fields));
    }

    /** The required part of an observation's pattern: dimensions, value and origin. */
    static final String OBSERVATION_CORE = """
              ?obs <http://purl.org/linked-data/sdmx/2009/dimension#refArea> ?area ;
                   <https://w3id.org/tissu/ns#indicator> ?indicator ;
                   <http://purl.org/linked-data/sdmx/2009/dimension#refPeriod> ?year ;
                   <https://w3id.org/tissu/ns#value> ?value ; <https://w3id.org/tissu/ns#origin> ?origin .
            """;

    /** The REST item of an indicator value. */
    public static Map<String, Object> observation(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.iri());
        m.put("url", "/api/v1/observations/" + o.commune() + "/" + o.indicator() + "/" + o.year()
                + ("computed".equals(o.origin()) ? "?origin=computed" : ""));
        m.put("commune", Map.of("code", o.commune(), "url", "/api/v1/communes/" + o.commune()));
        m.put("indicator", Map.of("code", o.indicator(), "url", "/api/v1/indicators/" + o.indicator()));
        m.put("year", o.year());
        m.put("value", o.value());
        m.put("unit", o.unit());
        m.put("origin", o.origin());
        m.put("note", o.note());
        return m;
    }
}

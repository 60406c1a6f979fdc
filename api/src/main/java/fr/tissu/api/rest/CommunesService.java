package fr.tissu.api.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.api.domain.IndicatorYears;
import fr.tissu.api.domain.Params;
import fr.tissu.api.http.Problem;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Communes of the reference division: {@code GET /api/v1/communes} ({@code epci}, {@code departement}, {@code q})
 * and {@code GET /api/v1/communes/{code}} with its EPCI, département, région and how many associations,
 * activities and digital-support points the store holds there (one query).
 *
 * <p>Example: {@code curl 'http://localhost:8080/api/v1/communes?epci=243500139'}
 */
public final class CommunesService implements HttpService {
    private static final Set<String> PARAMETERS = Set.of("epci", "departement", "q", "after", "limit", "fields");
    private final Instance tissu;
    private final IndicatorComparison comparison;
    private final List<ReferenceData.Commune> communes;

    /** The communes of the reference data, with counts from {@code tissu}'s store and their indicator values. */
    public CommunesService(Instance tissu, IndicatorComparison comparison) {
        this.tissu = tissu;
        this.comparison = comparison;
        ReferenceData ref = ReferenceData.get();
        this.communes = ref.communeCodes().stream().map(c -> ref.commune(c).orElseThrow())
                .sorted(Comparator.comparing(ReferenceData.Commune::code)).toList();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/communes", this::listCommunes)
                .get("/api/v1/communes/{code}", this::getCommune)
                .get("/api/v1/communes/{code}/indicators", this::indicators);
    }

    private void indicators(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), Set.of("year", "origin", "indicator", "format"));
        String code = req.path().pathParameters().get("code");
        var commune = ReferenceData.get().commune(code);
        if (commune.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no commune with INSEE code '" + code + "'");
        }
        if (p.one("year") != null) {
            IndicatorYears.check(p.one("year"));
        }
        Integer year = p.one("year") == null ? null : Integer.parseInt(p.one("year"));
        Set<String> only = new HashSet<>(p.all("indicator"));
        for (String i : only) {
            if (Vocabulary.get().indicator(i).isEmpty()) {
                throw new BadParameterException("indicator", "unknown charter indicator '" + i + "' (1.1 to 7.3)");
            }
        }
        String format = RestSupport.format(req, p, Map.of("json", "application/json", "csv",
                "text/csv; charset=utf-8"));
        List<Map<String, Object>> items = comparison.ofCommune(code, year, p.one("origin")).stream()
                .filter(i -> only.isEmpty() || only.contains(((Map<?, ?>) i.get("indicator")).get("code"))).toList();
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        if (format.equals("csv")) {
            List<List<Object>> rows = new ArrayList<>();
            for (Map<String, Object> i : items) {
                Map<?, ?> ind = (Map<?, ?>) i.get("indicator");
                rows.add(Arrays.asList(code, ind.get("code"), i.get("year"), i.get("value"), ind.get("unit"),
                        i.get("per1000"), i.get("origin")));
            }
            RestSupport.csv(res, List.of("code_insee", "indicateur", "annee", "valeur", "unite", "pour_1000_habitants",
                    "origine"), rows, "indicateurs-" + code + (year == null ? "" : "-" + year) + ".csv");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", commune.get().name());
        c.put("population", IndicatorComparison.population(code));
        c.put("url", "/api/v1/communes/" + code);
        body.put("commune", c);
        body.put("year", year);
        body.put("total", items.size());
        body.put("items", items);
        String query = req.query().rawValue();
        body.put("links", Map.of("self", "/api/v1/communes/" + code + "/indicators" + (query.isEmpty() ? ""
                : "?" + query)));
        RestSupport.json(res, body);
    }

    private void listCommunes(ServerRequest req, ServerResponse res) {
        Params p = new Params(RestSupport.params(req), PARAMETERS);
        Set<String> members = new HashSet<>();
        for (String siren : p.all("epci")) {
            members.addAll(ReferenceData.get().epci(siren)
                    .orElseThrow(() -> new BadParameterException("epci", "unknown EPCI SIREN '" + siren + "'"))
                    .members());
        }
        Set<String> departements = new HashSet<>(p.all("departement"));
        List<String> words = p.words("q");
        int limit = p.integer("limit", 20, 1, 500);
        Set<String> fields = new HashSet<>(p.all("fields"));
        String after = p.one("after");
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        List<ReferenceData.Commune> matching = communes.stream()
                .filter(c -> members.isEmpty() || members.contains(c.code()))
                .filter(c -> departements.isEmpty() || departements.contains(c.departement()))
                .filter(c -> words.stream().allMatch(w -> Vocabulary.fold(c.name()).contains(w))).toList();
        RestSupport.json(res, Pages.page(req, res, "/api/v1/communes", matching, ReferenceData.Commune::code, after,
                limit, this::item, fields));
    }

    private void getCommune(ServerRequest req, ServerResponse res) {
        Set<String> fields = new HashSet<>(new Params(RestSupport.params(req), Set.of("fields")).all("fields"));
        String code = req.path().pathParameters().get("code");
        var commune = ReferenceData.get().commune(code);
        if (commune.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no commune with INSEE code '" + code + "'");
        }
        if (RestSupport.notModified(req, res, tissu.store())) {
            return;
        }
        Map<String, Object> item = item(commune.get());
        String iri = tissu.ids().commune(code).getURI();
        tissu.store().select("""
                SELECT (COUNT(DISTINCT ?a) AS ?associations) (COUNT(DISTINCT ?act) AS ?activities)
                       (COUNT(DISTINCT ?p) AS ?supportPoints) WHERE {
                  { ?a <https://w3id.org/tissu/ns#commune> %1$s ; a <https://schema.org/NGO> }
                  UNION { ?act <https://w3id.org/tissu/ns#commune> %1$s ; a <https://w3id.org/tissu/ns#Activity> }
                  UNION { ?p <https://w3id.org/tissu/ns#commune> %1$s ; a <https://w3id.org/tissu/ns#SupportPoint> }
                }""".formatted(Sparql.iri(iri)), Duration.ofSeconds(10), r -> {
                    Map<String, Object> counts = new LinkedHashMap<>();
                    counts.put("associations", r.getLiteral("associations").getLong());
                    counts.put("activities", r.getLiteral("activities").getLong());
                    counts.put("supportPoints", r.getLiteral("supportPoints").getLong());
                    item.put("counts", counts);
                });
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("associations", "/api/v1/associations?commune=" + code);
        links.put("activities", "/api/v1/activities?commune=" + code);
        links.put("observations", "/api/v1/observations?commune=" + code);
        links.put("indicators", "/api/v1/communes/" + code + "/indicators");
        item.put("links", links);
        RestSupport.json(res, RestSupport.project(item, fields));
    }

    private Map<String, Object> item(ReferenceData.Commune c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", tissu.ids().commune(c.code()).getURI());
        m.put("url", "/api/v1/communes/" + c.code());
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("population", c.population().isEmpty() ? null : Long.parseLong(c.population()));
        m.put("postalCodes", c.postalCodes());
        String epciCode = c.epci().isEmpty() ? null : c.epci();
        var epci = epciCode == null ? Optional.<ReferenceData.Epci>empty() : ReferenceData.get().epci(epciCode);
        Map<String, Object> e = null;
        if (epci.isPresent()) {
            e = new LinkedHashMap<>();
            e.put("siren", epci.get().siren());
            e.put("name", epci.get().name());
            e.put("id", tissu.ids().thing("epci", epci.get().siren()).getURI());
        }
        m.put("epci", e);
        m.put("departement", c.departement());
        m.put("region", c.region());
        return m;
    }
}

package fr.tissu.api.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import fr.tissu.api.Tissu;
import fr.tissu.api.filter.BadParameterException;
import fr.tissu.api.filter.PerVersion;
import fr.tissu.loader.reference.ReferenceData;
import fr.tissu.vocabulary.Vocabulary;

/**
 * Compares a commune's indicator values with a group of communes: the other communes of its EPCI, of its
 * département, or of its population band (nationwide). For one indicator and year it gives each commune of the group
 * with a value: the value, the value per 1,000 inhabitants (counts only), the rank (1 = highest; ties share a rank),
 * and the group's quartiles; and the commune's time series with the group's median each year.
 *
 * <p>The values of one indicator are read with one query and kept until the store's data version changes. Declared
 * values win over computed ones unless {@code origin} asks for one; a harvested value (another instance's) is used
 * only where no local one exists. Quartiles are interpolated between ranks (the method of R's default and
 * spreadsheets' QUARTILE.INC).
 */
public final class IndicatorComparison {
    /** The groups a commune can be compared within. */
    public static final List<String> GROUPS = List.of("epci", "departement", "population-band");
    /** Population bands: lower bounds, in inhabitants. */
    static final long[] BANDS = {0, 500, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

    private final Tissu tissu;
    private final PerVersion<Map<String, Values>> cache;

    /** A commune's values for one indicator: year → value chosen, and its origin. */
    record Value(BigDecimal value, String origin, boolean harvested) {
    }

    /** An indicator's values: year → commune → each origin's value. */
    static final class Values {
        final Map<Integer, Map<String, Map<String, Value>>> byYear = new TreeMap<>();
    }

    /** The comparison of {@code tissu}'s store. */
    public IndicatorComparison(Tissu tissu) {
        this.tissu = tissu;
        this.cache = new PerVersion<>(tissu.store(), version -> new ConcurrentHashMap<>());
    }

    /** The population band of a population, e.g. {@code 2000-4999}, {@code 100000+}. */
    public static String band(long population) {
        for (int i = BANDS.length - 1; i >= 0; i--) {
            if (population >= BANDS[i]) {
                return i == BANDS.length - 1 ? BANDS[i] + "+" : BANDS[i] + "-" + (BANDS[i + 1] - 1);
            }
        }
        return "0-499";
    }

    /** The population of a commune in the reference data, or {@code null}. */
    public static Long population(String commune) {
        return ReferenceData.get().commune(commune).map(ReferenceData.Commune::population)
                .filter(p -> !p.isEmpty()).map(Long::parseLong).orElse(null);
    }

    /** The communes of {@code commune}'s group, and the group's description. */
    static Map<String, Object> group(String commune, String kind, Set<String> members) {
        ReferenceData ref = ReferenceData.get();
        ReferenceData.Commune c = ref.commune(commune).orElseThrow();
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("kind", kind);
        switch (kind) {
            case "epci" -> {
                if (c.epci().isEmpty() || ref.epci(c.epci()).isEmpty()) {
                    throw new BadParameterException("group", "commune " + commune + " belongs to no EPCI");
                }
                ReferenceData.Epci e = ref.epci(c.epci()).get();
                members.addAll(e.members());
                g.put("code", e.siren());
                g.put("name", e.name());
            }
            case "departement" -> {
                ref.communeCodes().forEach(code -> {
                    if (c.departement().equals(ref.commune(code).get().departement())) {
                        members.add(code);
                    }
                });
                g.put("code", c.departement());
                g.put("name", ref.departementName(c.departement()));
            }
            case "population-band" -> {
                Long population = population(commune);
                if (population == null) {
                    throw new BadParameterException("group", "commune " + commune + " has no population figure");
                }
                String band = band(population);
                ref.communeCodes().forEach(code -> {
                    Long p = population(code);
                    if (p != null && band(p).equals(band)) {
                        members.add(code);
                    }
                });
                g.put("code", band);
                g.put("name", band.endsWith("+") ? band.replace("+", "") + " habitants et plus"
                        : band.replace("-", " à ") + " habitants");
            }
            default -> throw new BadParameterException("group", "expected one of " + String.join(", ", GROUPS));
        }
        g.put("communes", members.size());
        return g;
    }

    /**
     * The comparison body (REST JSON, GraphQL, HTML): {@code year} {@code null} means the latest year with values in
     * the group; {@code origin} {@code null} means declared, else computed.
     */
    public Map<String, Object> compare(String indicator, String commune, String groupKind, Integer year, String origin) {
        check(indicator, commune, origin);
        Set<String> members = new TreeSet<>();
        Map<String, Object> group = group(commune, groupKind, members);
        Map<String, Object> indicatorItem = IndicatorsService.indicators().stream()
                .filter(i -> i.get("code").equals(indicator)).findFirst().orElseThrow();
        boolean count = "count".equals(indicatorItem.get("unit"));
        Values values = values(indicator);
        Set<Integer> years = new TreeSet<>();
        values.byYear.forEach((y, byCommune) -> {
            if (byCommune.keySet().stream().anyMatch(members::contains)) {
                years.add(y);
            }
        });
        int chosen = year != null ? year : years.isEmpty() ? java.time.Year.now().getValue() : ((TreeSet<Integer>) years).last();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> ind = new LinkedHashMap<>();
        ind.put("code", indicator);
        ind.put("label", indicatorItem.get("label"));
        ind.put("unit", indicatorItem.get("unit"));
        ind.put("url", "/api/v1/indicators/" + indicator);
        body.put("indicator", ind);
        body.put("group", group);
        body.put("year", chosen);
        body.put("years", new ArrayList<>(years));
        body.put("origin", origin == null ? "declared, else computed" : origin);
        body.put("rankedBy", count ? "per1000" : "value");
        List<Map<String, Object>> items = ranked(values, chosen, members, count, origin);
        body.put("commune", items.stream().filter(i -> i.get("code").equals(commune)).findFirst()
                .orElseGet(() -> item(commune, null, count)));
        body.put("stats", stats(items, count));
        body.put("items", items);
        List<Map<String, Object>> series = new ArrayList<>();
        for (int y : years) {
            List<Map<String, Object>> ofYear = ranked(values, y, members, count, origin);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("year", y);
            Map<String, Object> mine = ofYear.stream().filter(i -> i.get("code").equals(commune)).findFirst()
                    .orElse(null);
            point.put("value", mine == null ? null : mine.get("value"));
            point.put("per1000", mine == null ? null : mine.get("per1000"));
            point.put("rank", mine == null ? null : mine.get("rank"));
            Map<String, Object> s = stats(ofYear, count);
            point.put("groupCount", s.get("count"));
            point.put("groupMedian", s.get("median"));
            point.put("groupQ1", s.get("q1"));
            point.put("groupQ3", s.get("q3"));
            series.add(point);
        }
        body.put("series", series);
        return body;
    }

    /** Every value of a commune (all indicators, both origins): the items of {@code /communes/{code}/indicators}. */
    public List<Map<String, Object>> ofCommune(String commune, Integer year, String origin) {
        check(null, commune, origin);
        List<Map<String, Object>> items = new ArrayList<>();
        Long population = population(commune);
        for (Map<String, Object> ind : IndicatorsService.indicators()) {
            String code = (String) ind.get("code");
            boolean count = "count".equals(ind.get("unit"));
            values(code).byYear.forEach((y, byCommune) -> {
                Map<String, Value> mine = byCommune.get(commune);
                if (mine == null || (year != null && y.intValue() != year)) {
                    return;
                }
                mine.forEach((o, v) -> {
                    if (origin != null && !origin.equals(o)) {
                        return;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("code", code);
                    i.put("label", ind.get("label"));
                    i.put("unit", ind.get("unit"));
                    i.put("axis", ((Map<?, ?>) ind.get("axis")).get("code"));
                    i.put("url", "/api/v1/indicators/" + code);
                    m.put("indicator", i);
                    m.put("year", y);
                    m.put("value", v.value());
                    m.put("per1000", count ? per1000(v.value(), population) : null);
                    m.put("origin", o);
                    m.put("harvested", v.harvested());
                    m.put("url", "/api/v1/observations/" + commune + "/" + code + "/" + y
                            + (o.equals("computed") ? "?origin=computed" : ""));
                    items.add(m);
                });
            });
        }
        return items;
    }

    private static void check(String indicator, String commune, String origin) {
        if (indicator != null && Vocabulary.get().indicator(indicator).isEmpty()) {
            throw new BadParameterException("indicator", "unknown charter indicator '" + indicator + "' (1.1 to 7.3)");
        }
        if (commune == null || ReferenceData.get().commune(commune).isEmpty()) {
            throw new BadParameterException("commune", "unknown INSEE commune code '" + commune + "'");
        }
        if (origin != null && !origin.equals("declared") && !origin.equals("computed")) {
            throw new BadParameterException("origin", "expected declared or computed");
        }
    }

    private List<Map<String, Object>> ranked(Values values, int year, Set<String> members, boolean count,
                                             String origin) {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Map<String, Value>> byCommune = values.byYear.getOrDefault(year, Map.of());
        for (String code : members) {
            Map<String, Value> v = byCommune.get(code);
            if (v == null) {
                continue;
            }
            Value chosen = origin != null ? v.get(origin) : v.getOrDefault("declared", v.get("computed"));
            if (chosen != null) {
                Map<String, Object> item = item(code, chosen, count);
                if (!count || item.get("per1000") != null) {
                    items.add(item);
                }
            }
        }
        String key = count ? "per1000" : "value";
        items.sort(Comparator.comparing((Map<String, Object> m) -> (BigDecimal) m.get(key)).reversed()
                .thenComparing(m -> (String) m.get("code")));
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < items.size(); i++) {
            BigDecimal v = (BigDecimal) items.get(i).get(key);
            if (previous == null || v.compareTo(previous) != 0) {
                rank = i + 1;
            }
            items.get(i).put("rank", rank);
            previous = v;
        }
        return items;
    }

    private Map<String, Object> item(String code, Value v, boolean count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(code));
        Long population = population(code);
        m.put("population", population);
        m.put("value", v == null ? null : v.value());
        m.put("per1000", v == null || !count ? null : per1000(v.value(), population));
        m.put("rank", null);
        m.put("origin", v == null ? null : v.origin());
        m.put("url", "/api/v1/communes/" + code);
        return m;
    }

    private static BigDecimal per1000(BigDecimal value, Long population) {
        if (value == null || population == null || population == 0) {
            return null;
        }
        return value.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(population), 3, RoundingMode.HALF_UP);
    }

    /** Count, min, quartiles and max of the ranked measure. */
    static Map<String, Object> stats(List<Map<String, Object>> items, boolean count) {
        String key = count ? "per1000" : "value";
        List<BigDecimal> sorted = items.stream().map(m -> (BigDecimal) m.get(key)).sorted().toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("measure", key);
        s.put("count", sorted.size());
        s.put("min", sorted.isEmpty() ? null : sorted.get(0));
        s.put("q1", quantile(sorted, 0.25));
        s.put("median", quantile(sorted, 0.5));
        s.put("q3", quantile(sorted, 0.75));
        s.put("max", sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
        return s;
    }

    /** Linear interpolation between closest ranks (R type 7). */
    public static BigDecimal quantile(List<BigDecimal> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double h = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        BigDecimal fraction = BigDecimal.valueOf(h - lo);
        return sorted.get(lo).add(sorted.get(hi).subtract(sorted.get(lo)).multiply(fraction))
                .setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The values of one indicator, read with one query per data version. */
    Values values(String indicator) {
        return cache.get().computeIfAbsent(indicator, this::read);
    }

    private Values read(String indicator) {
        Values values = new Values();
        String harvest = tissu.ids().graph("harvest").getURI();
        // the indicator first: TDB2 plans in the order written
        tissu.store().select("SELECT ?g ?area ?year ?value ?origin WHERE { GRAPH ?g { ?obs <https://w3id.org/tissu/ns#indicator> <"
                + fr.tissu.vocabulary.Tissu.indicatorConcept(indicator).getURI() + "> ; "
                + "<http://purl.org/linked-data/sdmx/2009/dimension#refArea> ?area ; "
                + "<http://purl.org/linked-data/sdmx/2009/dimension#refPeriod> ?year ; "
                + "<https://w3id.org/tissu/ns#value> ?value ; <https://w3id.org/tissu/ns#origin> ?origin } }",
                Duration.ofSeconds(60), r -> {
                    String area = r.getResource("area").getURI();
                    String commune = area.substring(area.lastIndexOf('/') + 1);
                    String year = r.getLiteral("year").getLexicalForm();
                    if (!year.matches("\\d{4}")) {
                        return;
                    }
                    String origin = r.getResource("origin").getURI();
                    origin = origin.substring(origin.lastIndexOf('/') + 1);
                    boolean harvested = r.getResource("g").getURI().startsWith(harvest);
                    Value v = new Value(new BigDecimal(r.getLiteral("value").getLexicalForm()).stripTrailingZeros(),
                            origin, harvested);
                    values.byYear.computeIfAbsent(Integer.parseInt(year), y -> new HashMap<>())
                            .computeIfAbsent(commune, c -> new HashMap<>())
                            .merge(origin, v, (a, b) -> a.harvested() && !b.harvested() ? b : a);
                });
        return values;
    }
}

package fr.tissu.api.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.store.read.IndicatorValues.Codes;
import fr.tissu.store.read.IndicatorValues.Values;
import fr.tissu.store.read.ReferenceData;

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
 *
 * <p>A little over 300 lines: the group, the choice between origins, the ranks and the quartiles are one
 * computation over the same value arrays, shared by REST, GraphQL and the commune page.
 */
public final class IndicatorComparison {
    /** The groups a commune can be compared within. */
    public static final List<String> GROUPS = List.of("epci", "departement", "population-band");

    private final Instance tissu;

    /** The comparison of {@code tissu}'s store. */
    public IndicatorComparison(Instance tissu) {
        this.tissu = tissu;
    }

    /** The population band of a population, e.g. {@code 2000-4999}, {@code 100000+}. */
    public static String band(long population) {
        return Codes.band(population);
    }

    /** The population of a commune in the reference data, or {@code null}. */
    public static Long population(String commune) {
        return Codes.population(commune);
    }

    /** The communes of {@code commune}'s group (positions), and the group's description in {@code g}. */
    static int[] group(String commune, String kind, Map<String, Object> g) {
        ReferenceData ref = ReferenceData.get();
        ReferenceData.Commune c = ref.commune(commune).orElseThrow();
        g.put("kind", kind);
        int[] members;
        switch (kind) {
            case "epci" -> {
                if (c.epci().isEmpty() || ref.epci(c.epci()).isEmpty()) {
                    throw new BadParameterException("group", "commune " + commune + " belongs to no EPCI");
                }
                ReferenceData.Epci e = ref.epci(c.epci()).get();
                members = Codes.of(e.members());
                g.put("code", e.siren());
                g.put("name", e.name());
            }
            case "departement" -> {
                members = Codes.DEPARTEMENTS.getOrDefault(c.departement(), Codes.of(List.of(commune)));
                g.put("code", c.departement());
                g.put("name", ref.departementName(c.departement()));
            }
            case "population-band" -> {
                Long population = population(commune);
                if (population == null) {
                    throw new BadParameterException("group", "commune " + commune + " has no population figure");
                }
                String band = band(population);
                members = Codes.BANDS.getOrDefault(band, Codes.of(List.of(commune)));
                g.put("code", band);
                g.put("name", band.endsWith("+") ? band.replace("+", "") + " habitants et plus"
                        : band.replace("-", " à ") + " habitants");
            }
            default -> throw new BadParameterException("group", "expected one of " + String.join(", ", GROUPS));
        }
        g.put("communes", members.length);
        return members;
    }

    /**
     * The comparison body (REST JSON, GraphQL, HTML): {@code year} {@code null} means the latest year with values in
     * the group; {@code origin} {@code null} means declared, else computed.
     */
    public Map<String, Object> compare(String indicator, String commune, String groupKind, Integer year,
            String origin) {
        check(indicator, commune, origin);
        Map<String, Object> group = new LinkedHashMap<>();
        int[] members = group(commune, groupKind, group);
        Charter.Indicator indicatorItem = Charter.indicator(indicator).orElseThrow();
        boolean count = indicatorItem.isCount();
        Values values = values(indicator);
        TreeSet<Integer> years = new TreeSet<>();
        values.byYear().forEach((y, byOrigin) -> {
            for (int m : members) {
                if (!Double.isNaN(byOrigin[0][m]) || !Double.isNaN(byOrigin[1][m])) {
                    years.add(y);
                    return;
                }
            }
        });
        int chosen = year != null ? year : years.isEmpty() ? Year.now().getValue() : years.last();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> ind = new LinkedHashMap<>();
        ind.put("code", indicator);
        ind.put("label", indicatorItem.label());
        ind.put("unit", indicatorItem.unit());
        ind.put("url", "/api/v1/indicators/" + indicator);
        body.put("indicator", ind);
        body.put("group", group);
        body.put("year", chosen);
        body.put("years", new ArrayList<>(years));
        body.put("origin", origin == null ? "declared, else computed" : origin);
        body.put("rankedBy", count ? "per1000" : "value");
        List<Map<String, Object>> items = ranked(values, chosen, members, count, origin);
        body.put("commune", items.stream().filter(i -> i.get("code").equals(commune)).findFirst()
                .orElseGet(() -> item(commune, Double.NaN, null, count)));
        body.put("stats", stats(items, count));
        body.put("items", items);
        List<Map<String, Object>> series = new ArrayList<>();
        Integer position = Codes.INDEX.get(commune);
        for (int y : years) {
            // per year only numbers: the group's sorted measures, and the commune's own
            double[][] byOrigin = values.byYear().get(y);
            double[] measures = new double[members.length];
            int n = 0;
            for (int m : members) {
                double v = chosen(byOrigin, m, origin);
                double measure = Double.isNaN(v) ? Double.NaN : measure(v, m, count);
                if (!Double.isNaN(measure)) {
                    measures[n++] = measure;
                }
            }
            double[] sorted = Arrays.copyOf(measures, n);
            Arrays.sort(sorted);
            double mine = position == null ? Double.NaN : chosen(byOrigin, position, origin);
            double mineMeasure = Double.isNaN(mine) ? Double.NaN : measure(mine, position, count);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("year", y);
            point.put("value", Double.isNaN(mine) ? null : number(mine));
            point.put("per1000", !count || Double.isNaN(mineMeasure) ? null : number(mineMeasure));
            Integer rank = null;
            if (!Double.isNaN(mineMeasure)) {
                int above = 0;
                for (double d : sorted) {
                    above += d > mineMeasure ? 1 : 0;
                }
                rank = above + 1;
            }
            point.put("rank", rank);
            point.put("groupCount", n);
            point.put("groupMedian", quantile(sorted, 0.5));
            point.put("groupQ1", quantile(sorted, 0.25));
            point.put("groupQ3", quantile(sorted, 0.75));
            series.add(point);
        }
        body.put("series", series);
        return body;
    }

    /** Every value of a commune (all indicators, both origins): the items of {@code /communes/{code}/indicators}. */
    public List<Map<String, Object>> ofCommune(String commune, Integer year, String origin) {
        check(null, commune, origin);
        Integer position = Codes.INDEX.get(commune);
        Map<String, Values> mine = position == null ? Map.of()
                : tissu.model().indicatorValues().ofCommune(tissu.ids().commune(commune).getURI());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Charter.Indicator ind : Charter.indicators()) {
            String code = ind.code();
            boolean count = ind.isCount();
            Values values = mine.get(code);
            if (values == null) {
                continue;
            }
            values.byYear().forEach((y, byOrigin) -> {
                if (year != null && y.intValue() != year) {
                    return;
                }
                for (int o = 0; o < 2; o++) {
                    String originName = o == 0 ? "declared" : "computed";
                    double v = byOrigin[o][position];
                    if (Double.isNaN(v) || (origin != null && !origin.equals(originName))) {
                        continue;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("code", code);
                    i.put("label", ind.label());
                    i.put("unit", ind.unit());
                    i.put("axis", ind.axis().code());
                    i.put("url", "/api/v1/indicators/" + code);
                    m.put("indicator", i);
                    m.put("year", y);
                    m.put("value", number(v));
                    double measure = count ? measure(v, position, true) : Double.NaN;
                    m.put("per1000", Double.isNaN(measure) ? null : number(measure));
                    m.put("origin", originName);
                    m.put("harvested", values.harvested(y, o, position));
                    m.put("url", "/api/v1/observations/" + commune + "/" + code + "/" + y
                            + (o == 1 ? "?origin=computed" : ""));
                    items.add(m);
                }
            });
        }
        return items;
    }

    private static void check(String indicator, String commune, String origin) {
        if (indicator != null && Charter.indicator(indicator).isEmpty()) {
            throw new BadParameterException("indicator", "unknown charter indicator '" + indicator + "' (1.1 to 7.3)");
        }
        if (commune == null || ReferenceData.get().commune(commune).isEmpty()) {
            throw new BadParameterException("commune", "unknown INSEE commune code '" + commune + "'");
        }
        if (origin != null && !origin.equals("declared") && !origin.equals("computed")) {
            throw new BadParameterException("origin", "expected declared or computed");
        }
    }

    private List<Map<String, Object>> ranked(Values values, int year, int[] members, boolean count,
                                             String origin) {
        List<Map<String, Object>> items = new ArrayList<>();
        double[][] byOrigin = values.byYear().get(year);
        if (byOrigin == null) {
            return items;
        }
        for (int m : members) {
            double v = chosen(byOrigin, m, origin);
            if (!Double.isNaN(v)) {
                String o = !Double.isNaN(byOrigin[0][m]) && !"computed".equals(origin) ? "declared" : "computed";
                Map<String, Object> item = item(Codes.CODES.get(m), v, o, count);
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

    private Map<String, Object> item(String code, double value, String origin, boolean count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(code));
        Integer position = Codes.INDEX.get(code);
        m.put("population", position == null || Codes.POPULATION[position] == 0 ? null : Codes.POPULATION[position]);
        boolean has = !Double.isNaN(value);
        m.put("value", has ? number(value) : null);
        double measure = has && count && position != null ? measure(value, position, true) : Double.NaN;
        m.put("per1000", Double.isNaN(measure) ? null : number(measure));
        m.put("rank", null);
        m.put("origin", origin);
        m.put("url", "/api/v1/communes/" + code);
        return m;
    }

    /** The value of the origin asked for, or the declared one, else the computed one; {@code NaN} when none. */
    private static double chosen(double[][] byOrigin, int position, String origin) {
        if ("declared".equals(origin)) {
            return byOrigin[0][position];
        }
        if ("computed".equals(origin)) {
            return byOrigin[1][position];
        }
        return Double.isNaN(byOrigin[0][position]) ? byOrigin[1][position] : byOrigin[0][position];
    }

    /**
     * What communes are ranked by: for counts, the value per 1,000 inhabitants rounded half up to 3 decimals (with
     * whole numbers, on longs: the same figure as the decimal division); otherwise the value. {@code NaN} when a count
     * has no population to divide by.
     */
    static double measure(double value, int position, boolean count) {
        if (!count) {
            return value;
        }
        long population = Codes.POPULATION[position];
        if (population <= 0) {
            return Double.NaN;
        }
        if (value >= 0 && value == Math.rint(value) && value < 1e9) {
            long millis = ((long) value * 2_000_000L + population) / (2 * population);
            return millis / 1000.0;
        }
        return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(population), 3, RoundingMode.HALF_UP).doubleValue();
    }

    /** A stored value as a decimal number without trailing zeros, never in exponent form. */
    static BigDecimal number(double v) {
        return plain(BigDecimal.valueOf(v));
    }

    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Count, min, quartiles and max of the ranked measure. */
    static Map<String, Object> stats(List<Map<String, Object>> items, boolean count) {
        String key = count ? "per1000" : "value";
        double[] sorted = items.stream().mapToDouble(m -> ((BigDecimal) m.get(key)).doubleValue()).sorted().toArray();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("measure", key);
        s.put("count", sorted.length);
        s.put("min", sorted.length == 0 ? null : number(sorted[0]));
        s.put("q1", quantile(sorted, 0.25));
        s.put("median", quantile(sorted, 0.5));
        s.put("q3", quantile(sorted, 0.75));
        s.put("max", sorted.length == 0 ? null : number(sorted[sorted.length - 1]));
        return s;
    }

    /** Linear interpolation between closest ranks (R type 7), in decimal arithmetic, to 3 decimals. */
    public static BigDecimal quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        BigDecimal low = BigDecimal.valueOf(sorted[lo]);
        BigDecimal fraction = BigDecimal.valueOf(h - lo);
        return plain(low.add(BigDecimal.valueOf(sorted[hi]).subtract(low).multiply(fraction))
                .setScale(3, RoundingMode.HALF_UP));
    }

    /** The values of one indicator (the read model's arrays for the current data version). */
    Values values(String indicator) {
        return tissu.model().indicatorValues().of(indicator);
    }

    /** Reads every indicator's values now (and the read model's other projections), so no visitor waits for it. */
    public void warmUp() {
        tissu.model().refresh();
    }
}

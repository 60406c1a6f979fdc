package fr.tissu.store.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.tissu.store.QueryTimeoutException;
import fr.tissu.store.Store;
import fr.tissu.store.StoreException;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Tissu;

/**
 * The indicator values of one data version, in memory for comparisons: per indicator, year and origin, one array
 * of values indexed by the commune's position in the reference data ({@code NaN}: none), bounded by codes × years,
 * not by observations (a few hundred kilobytes per indicator and year at France scale). An indicator is read with
 * one query the first time it is asked for, or by {@link #warmUp} (at start, after a load); until every indicator is
 * read, a commune's own values come from one selective query.
 */
public final class IndicatorValues {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The bound of a background read of every indicator. */
    private static final Duration BACKGROUND = Duration.ofMinutes(30);
    private final Store store;
    private final String harvested;
    private final Map<String, CompletableFuture<Values>> values = new ConcurrentHashMap<>();
    /** Every indicator's values once {@link #warmUp} has read them all, else {@code null}. */
    private volatile Map<String, Values> complete;

    IndicatorValues(Store store, String harvestedGraphs) {
        this.store = store;
        this.harvested = harvestedGraphs;
    }

    /**
     * Every INSEE code of the reference data, by position; the communes of each département and population band;
     * the population by position (0 when unknown).
     */
    public static final class Codes {
        /** The codes by position. */
        public static final List<String> CODES = ReferenceData.get().allCodes();
        /** The positions by code. */
        public static final Map<String, Integer> INDEX = new HashMap<>(CODES.size() * 2);
        /** The positions of each département's current communes. */
        public static final Map<String, int[]> DEPARTEMENTS = new HashMap<>();
        /** The positions of each population band's current communes ({@link #band}). */
        public static final Map<String, int[]> BANDS = new HashMap<>();
        /** Population by position, 0 when unknown. */
        public static final long[] POPULATION = new long[CODES.size()];
        /** Population bands: lower bounds, in inhabitants. */
        private static final long[] BOUNDS = {0, 500, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

        static {
            for (int i = 0; i < CODES.size(); i++) {
                INDEX.put(CODES.get(i), i);
                Long p = population(CODES.get(i));
                POPULATION[i] = p == null ? 0 : p;
            }
            Map<String, List<Integer>> deps = new HashMap<>();
            Map<String, List<Integer>> bands = new HashMap<>();
            ReferenceData ref = ReferenceData.get();
            for (String code : ref.communeCodes()) {
                ReferenceData.Commune c = ref.commune(code).orElseThrow();
                deps.computeIfAbsent(c.departement(), k -> new ArrayList<>()).add(INDEX.get(code));
                Long p = population(code);
                if (p != null) {
                    bands.computeIfAbsent(band(p), k -> new ArrayList<>()).add(INDEX.get(code));
                }
            }
            deps.forEach((k, v) -> DEPARTEMENTS.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            bands.forEach((k, v) -> BANDS.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        }

        private Codes() {
        }

        /** The positions of {@code codes}, sorted (codes unknown to the reference data left out). */
        public static int[] of(Collection<String> codes) {
            return codes.stream().map(INDEX::get).filter(Objects::nonNull).mapToInt(Integer::intValue).sorted()
                    .toArray();
        }

        /** The population band of a population, e.g. {@code 2000-4999}, {@code 100000+}. */
        public static String band(long population) {
            for (int i = BOUNDS.length - 1; i >= 0; i--) {
                if (population >= BOUNDS[i]) {
                    return i == BOUNDS.length - 1 ? BOUNDS[i] + "+" : BOUNDS[i] + "-" + (BOUNDS[i + 1] - 1);
                }
            }
            return "0-499";
        }

        /** The population of a commune in the reference data, or {@code null}. */
        public static Long population(String commune) {
            return ReferenceData.get().commune(commune).map(ReferenceData.Commune::population)
                    .filter(p -> !p.isEmpty()).map(Long::parseLong).orElse(null);
        }
    }

    /**
     * One indicator's values: per year, for each origin (0 declared, 1 computed), the value of each commune by
     * position ({@code NaN}: none), and which of them were harvested from another instance.
     */
    public static final class Values {
        private final TreeMap<Integer, double[][]> byYear = new TreeMap<>();
        private final TreeMap<Integer, BitSet[]> harvested = new TreeMap<>();

        /** The values by year: {@code [origin][position]}. */
        public Map<Integer, double[][]> byYear() {
            return byYear;
        }

        /** Whether the value of {@code position} for {@code year} and {@code origin} was harvested. */
        public boolean harvested(int year, int origin, int position) {
            BitSet[] h = harvested.get(year);
            return h != null && h[origin].get(position);
        }

        void put(int year, int origin, int commune, double value, boolean fromElsewhere) {
            double[][] v = byYear.computeIfAbsent(year, y -> {
                double[][] a = new double[2][Codes.CODES.size()];
                Arrays.fill(a[0], Double.NaN);
                Arrays.fill(a[1], Double.NaN);
                return a;
            });
            BitSet[] h = harvested.computeIfAbsent(year, y -> new BitSet[] {new BitSet(), new BitSet()});
            // a local value wins over a harvested one
            if (Double.isNaN(v[origin][commune]) || (h[origin].get(commune) && !fromElsewhere)) {
                v[origin][commune] = value;
                h[origin].set(commune, fromElsewhere);
            }
        }
    }

    /**
     * The values of one indicator, read with one query the first time; a caller that finds it being read waits for
     * that read (at most the request time limit) rather than running its own.
     */
    public Values of(String indicator) {
        return of(indicator, TIMEOUT);
    }

    private Values of(String indicator, Duration timeout) {
        CompletableFuture<Values> mine = new CompletableFuture<>();
        CompletableFuture<Values> reading = values.putIfAbsent(indicator, mine);
        if (reading != null) {
            return await(reading, timeout);
        }
        try {
            Values v = new Values();
            // the indicator first: TDB2 plans in the order written
            read("?s tissu:indicator " + Sparql.iri(Tissu.indicatorConcept(indicator)), v, null, timeout);
            mine.complete(v);
            return v;
        } catch (RuntimeException e) {
            values.remove(indicator, mine); // the next caller reads again
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Values await(CompletableFuture<Values> reading, Duration timeout) {
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new QueryTimeoutException(timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException(e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException(timeout, e);
        }
    }

    /**
     * The values of one commune, by indicator: from the arrays once every indicator is read, else from one
     * selective query (a commune page right after start does not wait for every indicator).
     */
    public Map<String, Values> ofCommune(String communeIri) {
        Map<String, Values> all = complete;
        if (all != null) {
            return all;
        }
        Map<String, Values> mine = new HashMap<>();
        read("?s sdmxd:refArea " + Sparql.iri(communeIri), null, mine, TIMEOUT);
        return mine;
    }

    /**
     * Reads every indicator of {@code indicators} now (in the background: bounded by {@link #BACKGROUND}, not by the
     * request time limit); then a commune's values come from the arrays.
     */
    public void warmUp(Collection<String> indicators) {
        long start = System.currentTimeMillis();
        Map<String, Values> all = new HashMap<>();
        indicators.forEach(code -> all.put(code, warm(code)));
        complete = Map.copyOf(all);
        System.getLogger(IndicatorValues.class.getName()).log(System.Logger.Level.INFO,
                "indicator values read in {0} ms", System.currentTimeMillis() - start);
    }

    /** One indicator for the warm-up: a read a request started and that failed within its limit is done again. */
    private Values warm(String indicator) {
        for (int attempt = 1; ; attempt++) {
            try {
                return of(indicator, BACKGROUND);
            } catch (StoreException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void read(String where, Values into, Map<String, Values> byIndicator, Duration timeout) {
        Observation.FIGURES_ONLY.read(store, Selection.where(where), timeout, o -> {
            Integer position = Codes.INDEX.get(o.commune());
            if (position == null || o.year() == null || o.value() == null) {
                return;
            }
            Values v = into != null ? into : byIndicator.computeIfAbsent(o.indicator(), k -> new Values());
            v.put(o.year(), "computed".equals(o.origin()) ? 1 : 0, position, o.value().doubleValue(),
                    o.graph().startsWith(harvested));
        });
    }
}

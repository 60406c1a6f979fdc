package fr.tissu.api.filter;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Every activity as an {@link ActivityRow}, read from the store with one streaming query and kept until the
 * store's data version changes. Lists filter and sort these rows in memory: a page costs no store query.
 * Memory: about 1 KB per activity (measured: see the README's benchmarks).
 */
public final class ActivityCatalog {
    private static final String QUERY = """
            PREFIX schema: <https://schema.org/>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX tissu: <https://w3id.org/tissu/ns#>
            PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            SELECT * WHERE {
              ?a a tissu:Activity ; dct:identifier ?id ; schema:name ?title ; schema:organizer ?org ;
                 tissu:commune ?c ; schema:eventSchedule ?s .
              ?s schema:startTime ?start ; schema:endTime ?end .
              OPTIONAL { ?s schema:byDay ?day }
              OPTIONAL { ?s schema:startDate ?sd }
              OPTIONAL { ?s schema:endDate ?ed }
              OPTIONAL { ?a schema:audience/schema:suggestedMinAge ?min }
              OPTIONAL { ?a schema:audience/schema:suggestedMaxAge ?max }
              OPTIONAL { ?a schema:offers/schema:price ?price }
              OPTIONAL { ?a schema:isAccessibleForFree ?free }
              OPTIONAL { ?a tissu:accessible ?acc }
              OPTIONAL { ?a dct:subject ?theme }
              OPTIONAL { ?a schema:inLanguage ?lang }
              OPTIONAL { ?a schema:location ?p . ?p schema:name ?place OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon } }
              OPTIONAL { ?org schema:name ?orgName }
            }""";

    /**
     * The rows of one data version in title order (folded title, then key), by key, by organiser, and as posting
     * lists (positions in {@code rows}, ascending) by commune and by theme, so that a filtered list reads only the
     * rows that can match and finds them already sorted by title.
     */
    public record Snapshot(long version, List<ActivityRow> rows, Map<String, ActivityRow> byId,
                           Map<String, List<ActivityRow>> byOrganizer, Map<String, int[]> byCommune,
                           Map<String, int[]> byTheme, Map<Long, int[]> byCell) {

        /** The rows {@code filter} keeps, in title order. */
        public List<ActivityRow> matching(ActivityFilter filter) {
            int[] candidates = null;
            if (!filter.communes().isEmpty()) {
                candidates = union(filter.communes(), byCommune);
            }
            if (!filter.themes().isEmpty()) {
                int[] themed = union(filter.themes(), byTheme);
                candidates = candidates == null || themed.length < candidates.length ? themed : candidates;
            }
            if (filter.near() != null) {
                int[] around = around(filter.near());
                candidates = candidates == null || around.length < candidates.length ? around : candidates;
            }
            List<ActivityRow> out = new ArrayList<>();
            if (candidates == null) {
                for (ActivityRow row : rows) {
                    if (filter.test(row)) {
                        out.add(row);
                    }
                }
            } else {
                for (int position : candidates) {
                    ActivityRow row = rows.get(position);
                    if (filter.test(row)) {
                        out.add(row);
                    }
                }
            }
            return out;
        }

        /** The rows in the grid cells the circle touches. */
        private int[] around(ActivityFilter.Circle c) {
            double dLat = c.radius() / 111_000.0;
            double dLon = c.radius() / (111_000.0 * Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(c.lat())
                    + dLat)))));
            List<int[]> lists = new ArrayList<>();
            for (long la = cell(c.lat() - dLat); la <= cell(c.lat() + dLat); la++) {
                for (long lo = cell(c.lon() - dLon); lo <= cell(c.lon() + dLon); lo++) {
                    int[] list = byCell.get(key(la, lo));
                    if (list != null) {
                        lists.add(list);
                    }
                }
            }
            return lists.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray();
        }

        private static int[] union(Set<String> values, Map<String, int[]> postings) {
            int[][] lists = values.stream().map(v -> postings.getOrDefault(v, new int[0])).toArray(int[][]::new);
            if (lists.length == 1) {
                return lists[0];
            }
            return java.util.Arrays.stream(lists).flatMapToInt(java.util.Arrays::stream).sorted().distinct().toArray();
        }
    }

    private final Store store;
    private final PerVersion<Snapshot> snapshot;

    /** A catalogue over {@code store}. */
    public ActivityCatalog(Store store) {
        this.store = store;
        this.snapshot = new PerVersion<>(store, this::load);
    }

    /** The rows of the store's current data version (rebuilt when it changed). */
    public Snapshot current() {
        return snapshot.get();
    }

    private Snapshot load(long version) {
        long start = System.nanoTime();
        Map<String, Builder> builders = new LinkedHashMap<>();
        store.select(QUERY, Duration.ofMinutes(10), row -> builders
                .computeIfAbsent(row.getResource("a").getURI(), iri -> new Builder(iri, row)).add(row));
        List<ActivityRow> rows = new ArrayList<>(builders.size());
        Map<String, ActivityRow> byId = new HashMap<>();
        for (Builder b : builders.values()) {
            ActivityRow r = b.build();
            rows.add(r);
            byId.put(r.id(), r);
        }
        rows.sort(java.util.Comparator.comparing(ActivityRow::folded).thenComparing(ActivityRow::id));
        Map<String, List<ActivityRow>> byOrganizer = new HashMap<>();
        Map<String, List<Integer>> communes = new HashMap<>();
        Map<String, List<Integer>> themes = new HashMap<>();
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ActivityRow r = rows.get(i);
            if (r.lat() != null && r.lon() != null) {
                cells.computeIfAbsent(key(cell(r.lat()), cell(r.lon())), k -> new ArrayList<>()).add(i);
            }
            byOrganizer.computeIfAbsent(r.organizer(), k -> new ArrayList<>()).add(r);
            communes.computeIfAbsent(r.commune(), k -> new ArrayList<>()).add(i);
            for (String theme : r.themes()) {
                themes.computeIfAbsent(theme, k -> new ArrayList<>()).add(i);
            }
        }
        System.getLogger(ActivityCatalog.class.getName()).log(System.Logger.Level.INFO, "activity lists: {0} "
                + "activities of data version {1} read in {2} ms", rows.size(), version,
                (System.nanoTime() - start) / 1_000_000);
        return new Snapshot(version, List.copyOf(rows), Map.copyOf(byId), Map.copyOf(byOrganizer),
                postings(communes), postings(themes), postings(cells));
    }

    /** Grid cells of a tenth of a degree (about 11 km north-south) for {@code near}. */
    static long cell(double degrees) {
        return (long) Math.floor(degrees * 10);
    }

    static long key(long latCell, long lonCell) {
        return (latCell + 10_000) * 100_000 + lonCell + 10_000;
    }

    private static <K> Map<K, int[]> postings(Map<K, List<Integer>> lists) {
        Map<K, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    /** Collects one activity's rows; values are copied at once (TDB2 bindings live only in their transaction). */
    private static final class Builder {
        final String iri;
        final ActivityRow single;
        final EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        final Set<String> themes = new HashSet<>();
        final Set<String> languages = new HashSet<>();

        Builder(String iri, QuerySolution r) {
            this.iri = iri;
            String commune = r.getResource("c").getURI();
            this.single = new ActivityRow(iri, lex(r, "id"), lex(r, "title"), r.getResource("org").getURI(),
                    lex(r, "orgName"), commune.substring(commune.lastIndexOf('/') + 1), Set.of(), days,
                    LocalTime.parse(lex(r, "start")), LocalTime.parse(lex(r, "end")), date(r, "sd"), date(r, "ed"),
                    integer(r, "min"), integer(r, "max"), r.contains("price") ? new BigDecimal(lex(r, "price")) : null,
                    r.contains("free") ? r.getLiteral("free").getBoolean() : null,
                    r.contains("acc") ? r.getLiteral("acc").getBoolean() : null, Set.of(), lex(r, "place"),
                    number(r, "lat"), number(r, "lon"), "", "");
        }

        Builder add(QuerySolution row) {
            if (row.contains("day")) {
                days.add(DayOfWeek.valueOf(row.getResource("day").getLocalName().toUpperCase(java.util.Locale.ROOT)));
            }
            if (row.contains("theme")) {
                String theme = row.getResource("theme").getURI();
                themes.add(theme.substring(theme.lastIndexOf('/') + 1));
            }
            if (row.contains("lang")) {
                languages.add(row.getLiteral("lang").getLexicalForm());
            }
            return this;
        }

        ActivityRow build() {
            ActivityRow r = single;
            return new ActivityRow(iri, r.id(), r.title(), r.organizer(), r.organizerName(), r.commune(),
                    Set.copyOf(themes), days, r.start(), r.end(), r.seasonStart(), r.seasonEnd(), r.minAge(),
                    r.maxAge(), r.price(), r.free(), r.accessible(), Set.copyOf(languages), r.placeName(), r.lat(),
                    r.lon(), String.join("-", Vocabulary.fold(r.title()), Vocabulary.fold(r.organizerName()),
                            Vocabulary.fold(r.placeName()), String.join("-", themes)), Vocabulary.fold(r.title()));
        }

        private static String lex(QuerySolution r, String v) {
            RDFNode n = r.get(v);
            return n == null ? null : n.isLiteral() ? ((Literal) n).getLexicalForm() : n.toString();
        }

        private static LocalDate date(QuerySolution r, String v) {
            return r.contains(v) ? LocalDate.parse(lex(r, v)) : null;
        }

        private static Integer integer(QuerySolution r, String v) {
            return r.contains(v) ? r.getLiteral(v).getInt() : null;
        }

        private static Double number(QuerySolution r, String v) {
            return r.contains(v) ? Double.valueOf(lex(r, v)) : null;
        }
    }
}

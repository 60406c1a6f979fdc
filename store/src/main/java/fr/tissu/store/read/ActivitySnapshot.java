package fr.tissu.store.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.store.Store;

/**
 * Every listed activity of one data version, in memory: lists filter and sort these in memory, so a page costs no
 * store query. In title order (folded title, then key), by key, by organiser, and as posting lists (positions in
 * {@link #rows()}, ascending) by commune, by theme and by grid cell, so that a filtered list reads only the rows that
 * can match and finds them already in title order. An activity is listed when it has an organiser, a commune and a
 * schedule. Memory: the records (about 1 KB each with their strings) and the posting lists.
 *
 * @param version    the data version read
 * @param rows       the activities in title order
 * @param byKey      by key
 * @param byOrganizer by organising association's URI, in title order
 * @param byCommune  positions by INSEE code
 * @param byTheme    positions by theme code
 * @param byCell     positions by grid cell ({@link #cell})
 */
public record ActivitySnapshot(long version, List<Activity> rows, Map<String, Activity> byKey,
                               Map<String, List<Activity>> byOrganizer, Map<String, int[]> byCommune,
                               Map<String, int[]> byTheme, Map<Long, int[]> byCell) {

    /** The sort order of the rows: folded title, then key. */
    public static final Comparator<Activity> TITLE_ORDER =
            Comparator.comparing(Activity::sortTitle).thenComparing(Activity::key);

    /** Reads the listed activities of {@code store}'s current data version. */
    static ActivitySnapshot read(Store store, long version) {
        long started = System.nanoTime();
        Map<String, Activity> byIri = new LinkedHashMap<>();
        Activity.PROJECTION.read(store, Selection.ALL, Duration.ofMinutes(10), a -> {
            if (a.organizer() != null && a.commune() != null && a.start() != null && a.end() != null) {
                byIri.putIfAbsent(a.iri(), a);
            }
        });
        List<Activity> rows = new ArrayList<>(byIri.values());
        rows.sort(TITLE_ORDER);
        Map<String, Activity> byKey = new HashMap<>();
        Map<String, List<Activity>> byOrganizer = new HashMap<>();
        Map<String, List<Integer>> communes = new HashMap<>();
        Map<String, List<Integer>> themes = new HashMap<>();
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Activity a = rows.get(i);
            byKey.put(a.key(), a);
            byOrganizer.computeIfAbsent(a.organizer(), k -> new ArrayList<>()).add(a);
            communes.computeIfAbsent(a.commune(), k -> new ArrayList<>()).add(i);
            for (String theme : a.themes()) {
                themes.computeIfAbsent(theme, k -> new ArrayList<>()).add(i);
            }
            if (a.place() != null && a.place().lat() != null && a.place().lon() != null) {
                cells.computeIfAbsent(key(cell(a.place().lat()), cell(a.place().lon())), k -> new ArrayList<>()).add(i);
            }
        }
        System.getLogger(ActivitySnapshot.class.getName()).log(System.Logger.Level.INFO, "activity lists: {0} "
                + "activities of data version {1} read in {2} ms", rows.size(), version,
                (System.nanoTime() - started) / 1_000_000);
        return new ActivitySnapshot(version, List.copyOf(rows), Map.copyOf(byKey), Map.copyOf(byOrganizer),
                postings(communes), postings(themes), postings(cells));
    }

    /** The positions of the rows whose value is one of {@code values}, ascending. */
    public static int[] union(Set<String> values, Map<String, int[]> postings) {
        int[][] lists = values.stream().map(v -> postings.getOrDefault(v, new int[0])).toArray(int[][]::new);
        if (lists.length == 1) {
            return lists[0];
        }
        return Arrays.stream(lists).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
    }

    /** The positions of the rows in the grid cells a circle ({@code radius} metres) touches, ascending. */
    public int[] around(double lat, double lon, double radius) {
        double dLat = radius / 111_000.0;
        double dLon = radius / (111_000.0 * Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat)
                + dLat)))));
        List<int[]> lists = new ArrayList<>();
        for (long la = cell(lat - dLat); la <= cell(lat + dLat); la++) {
            for (long lo = cell(lon - dLon); lo <= cell(lon + dLon); lo++) {
                int[] list = byCell.get(key(la, lo));
                if (list != null) {
                    lists.add(list);
                }
            }
        }
        return lists.stream().flatMapToInt(Arrays::stream).sorted().toArray();
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
}

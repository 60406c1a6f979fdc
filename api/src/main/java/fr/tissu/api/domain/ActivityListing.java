package fr.tissu.api.domain;

import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.tissu.search.SearchIndex;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ActivitySnapshot;
import fr.tissu.store.read.Cursor;

/**
 * Activity lists in a given order, with the sort keys that make cursors: what the REST list and GraphQL's activity
 * connections share. Keys are unique (they end with the activity's key), so a cursor (the last key shown) resumes
 * exactly after it even when activities are added or removed meanwhile.
 */
public final class ActivityListing {
    /** The orders a list can be in. */
    public static final List<String> SORTS = List.of("title", "-title", "start", "price", "commune", "distance",
            "relevance");

    private ActivityListing() {
    }

    /**
     * Activities in a list's order.
     *
     * @param rows  the matches, sorted
     * @param key   the sort key of a row (unique: it ends with the row's key)
     * @param order the order of the keys
     */
    public record Sorted(List<Activity> rows, Function<Activity, String> key, Comparator<String> order) {
        /** The index of the first row after the cursor {@code after} ({@code null}: the first row); a 400 if bad. */
        public int startAfter(String after) {
            List<String> parts = Params.after(after, 1);
            return Cursor.startAfter(rows, key, order, parts == null ? null : parts.get(0));
        }

        /** The opaque cursor that resumes after row {@code index}. */
        public String cursor(int index) {
            return Cursor.of(key.apply(rows.get(index)));
        }
    }

    /** The matches of {@code filter} in {@code snapshot}, in the order {@code sort} names. */
    public static Sorted sorted(ActivitySnapshot snapshot, ActivityFilter filter, String sort, Map<String,
            Float> scores) {
        return sorted(filter.in(snapshot), filter, sort, scores);
    }

    /** {@code matching} (matches of {@code filter} in title order; a list it may reorder) in {@code sort}'s order. */
    public static Sorted sorted(List<Activity> matching, ActivityFilter filter, String sort, Map<String,
            Float> scores) {
        Function<Activity, String> key = sortKey(sort, filter, scores);
        Comparator<String> order = sort.startsWith("-") ? Comparator.reverseOrder() : Comparator.naturalOrder();
        // The snapshot hands the matches over in title order: other orders sort them by a key computed once each.
        if (sort.equals("-title")) {
            Collections.reverse(matching);
        } else if (!sort.equals("title")) {
            Map<Activity, String> keyOf = new IdentityHashMap<>();
            matching.forEach(r -> keyOf.put(r, key.apply(r)));
            matching.sort(Comparator.comparing(keyOf::get, order));
        }
        return new Sorted(matching, key, order);
    }

    /** {@code filter} with its {@code q} answered by the search index; the scores by key (empty without q). */
    public static Map.Entry<ActivityFilter, Map<String, Float>> withText(SearchIndex index, ActivityFilter filter,
                                                                         String q) {
        if (filter.words().isEmpty()) {
            return Map.entry(filter, Map.of());
        }
        Map<String, Float> scores = index.matches("activity", q, null);
        return Map.entry(filter.withMatches(scores.keySet()), scores);
    }

    /** The sort key of a row, ending with its key so that keys are unique (the cursor is the last key shown). */
    private static Function<Activity, String> sortKey(String sort, ActivityFilter filter, Map<String, Float> scores) {
        return switch (sort) {
            case "relevance" -> r -> (100_000_000_000L - Math.round(scores.getOrDefault(r.key(), 0f) * 1_000_000))
                    + "\u0001" + r.key();
            case "start" -> r -> r.start() + r.sortTitle() + '\u0001' + r.key();
            case "price" -> r -> (1_000_000_000L + Math.round((Boolean.TRUE.equals(r.free()) || r.price() == null
                    ? 0.0 : r.price().doubleValue()) * 100)) + "\u0001" + r.key();
            case "commune" -> r -> r.commune() + r.sortTitle() + '\u0001' + r.key();
            case "distance" -> r -> (ActivityFilter.lat(r) == null ? "99999999999"
                    : Long.toString(10_000_000_000L + Math.round(filter.near().distance(r.place().lat(),
                            r.place().lon())))) + '\u0001' + r.key();
            default -> r -> r.sortTitle() + '\u0001' + r.key();
        };
    }
}

package fr.tissu.store.read;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Things few enough to keep whole in memory (places, digital-support points), in key order and by key.
 *
 * @param items the things in key order
 * @param byKey the same, by key
 * @param <T>   the record
 */
public record Listing<T>(List<T> items, Map<String, T> byKey) {

    /** A listing of {@code things}, keyed and ordered by {@code key} (the first of equal keys kept). */
    static <T> Listing<T> of(List<T> things, Function<T, String> key) {
        Map<String, T> byKey = new HashMap<>();
        for (T t : things) {
            byKey.putIfAbsent(key.apply(t), t);
        }
        List<T> items = byKey.values().stream().sorted(Comparator.comparing(key)).toList();
        return new Listing<>(items, Map.copyOf(byKey));
    }
}

package fr.tissu.loader.computed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.tissu.store.Store;

/**
 * What a computation reads and where it writes: the store, the communes the instance serves, this year, the request
 * counts file; the values by indicator, year and commune; opening-hours texts that could not be read.
 *
 * @param store      the store
 * @param served     INSEE codes of the communes served (counts are published for each, zeros included)
 * @param thisYear   the current year
 * @param usage      the request counts file
 * @param values     indicator → year → commune → count
 * @param unreadable opening-hours texts that could not be read
 */
public record Context(Store store, Set<String> served, int thisYear, Path usage,
                      Map<String, Map<Integer, Map<String, Long>>> values, List<String> unreadable) {
    /** Time limit of one computation's query. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** A zero for every served commune, for each year of {@code [from, to]}. */
    Map<Integer, Map<String, Long>> zeros(int from, int to) {
        Map<Integer, Map<String, Long>> m = new TreeMap<>();
        for (int y = from; y <= to; y++) {
            Map<String, Long> year = new TreeMap<>();
            served.forEach(c -> year.put(c, 0L));
            m.put(y, year);
        }
        return m;
    }
}

package fr.tissu.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results.
 *
 * @param total  how many things match: exactly when {@code exact}, otherwise at least this many
 * @param exact  whether {@code total} is exact (always with facets; up to {@link SearchIndex#TOTAL_HITS_THRESHOLD}
 *               otherwise)
 * @param hits   this page, best first
 * @param facets counts by value for each dimension asked, largest first
 * @param next   the cursor of the next page, or {@code null} on the last page
 */
public record SearchResult(long total, boolean exact, List<Hit> hits, Map<String, List<FacetCount>> facets,
        String next) {

    /**
     * One result.
     *
     * @param uri        the thing's URI
     * @param key        its key (API URL)
     * @param type       association, activity, place or support-point
     * @param name       its name
     * @param commune    INSEE code of its commune, or {@code null}
     * @param score      relevance
     * @param distance   metres from the request's origin, or {@code null}
     * @param highlights field → fragment with the matched words in {@code <mark>}, HTML-escaped
     */
    public record Hit(String uri, String key, String type, String name, String commune, float score, Double distance,
                      Map<String, String> highlights) {
    }

    /** A facet value and how many results have it. */
    public record FacetCount(String value, long count) {
    }
}

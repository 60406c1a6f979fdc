package fr.tissu.search;

import java.util.List;

import org.apache.lucene.search.Query;

/**
 * One search.
 *
 * @param text      what was typed (blank: everything the filter keeps)
 * @param filter    the compiled filters (may be {@code null})
 * @param limit     page size
 * @param after     cursor from the previous page's {@link SearchResult#next()}, or {@code null}
 * @param origin    a point (lat, lon) to measure distances from, or {@code null}
 * @param byDistance sort by distance from {@code origin} instead of relevance
 * @param facets    the facet dimensions to count (of {@link Fields#FACETS})
 * @param highlight whether to mark the matched words in name and description
 * @param exactTotal count every match even past {@link SearchIndex#TOTAL_HITS_THRESHOLD} (lists that promise a
 *                   total; it costs a counting pass on broad queries)
 */
public record SearchRequest(String text, Query filter, int limit, String after, double[] origin, boolean byDistance,
                            List<String> facets, boolean highlight, boolean exactTotal) {

    /** An {@code after} that is not a cursor this index wrote. */
    public static final class BadCursor extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadCursor(String cursor) {
            super("not a cursor of this search: " + cursor);
        }
    }

    /** A request whose total may be a lower bound past {@link SearchIndex#TOTAL_HITS_THRESHOLD}. */
    public SearchRequest(String text, Query filter, int limit, String after, double[] origin, boolean byDistance,
                         List<String> facets, boolean highlight) {
        this(text, filter, limit, after, origin, byDistance, facets, highlight, false);
    }
}

package fr.tissu.store.read;

import java.util.Collection;
import java.util.List;

import fr.tissu.vocabulary.Sparql;

/**
 * Which things a projection reads: all of them, those typed in some source graphs, or some by IRI. It writes the
 * query's first, selective pattern ({@code ?s} typed in graph {@code ?g}); the rest of the projection follows.
 *
 * @param graphs the source graphs (empty: any)
 * @param things the things' IRIs (empty: any)
 * @param where  a selective pattern about {@code ?s} written before the type pattern (empty: none); its terms are
 *               written by {@link Sparql}
 */
public record Selection(List<String> graphs, List<String> things, String where) {
    /** Every thing of the type. */
    public static final Selection ALL = new Selection(List.of(), List.of(), "");

    /** Normalises the lists. */
    public Selection {
        graphs = List.copyOf(graphs);
        things = List.copyOf(things);
        where = where == null ? "" : where;
    }

    /** The things typed in these source graphs. */
    public static Selection graphs(Collection<String> graphs) {
        return new Selection(List.copyOf(graphs), List.of(), null);
    }

    /** These things, by IRI. */
    public static Selection things(Collection<String> iris) {
        return new Selection(List.of(), List.copyOf(iris), null);
    }

    /**
     * The things {@code pattern} selects (about {@code ?s}; written first, so it should be the selective part, e.g.
     * {@code ?s tissu:indicator <…>}).
     */
    public static Selection where(String pattern) {
        return new Selection(List.of(), List.of(), pattern);
    }

    /** True when nothing can match (an empty list of things or graphs was asked for). */
    boolean isEmpty() {
        return graphs.isEmpty() && things.isEmpty() && where.isEmpty() && !equals(ALL);
    }

    /** The first pattern of a query: {@code typePattern} (about {@code ?s}) inside {@code GRAPH ?g}, selected. */
    String pattern(String typePattern) {
        StringBuilder s = new StringBuilder();
        if (!things.isEmpty()) {
            s.append("  VALUES ?s { ").append(Sparql.iris(things)).append("}\n");
        }
        if (!graphs.isEmpty()) {
            s.append("  VALUES ?g { ").append(Sparql.iris(graphs)).append("}\n");
        }
        if (!where.isEmpty()) {
            s.append("  ").append(where).append(" .\n");
        }
        return s.append("  GRAPH ?g { ").append(typePattern).append(" }\n").toString();
    }
}

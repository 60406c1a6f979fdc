package fr.tissu.store.read;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Prefixes;

/**
 * One SPARQL projection of one kind of thing into its record: the type pattern, the rest of the pattern (written
 * selective to broad: TDB2 plans in the order written), and how a thing's folded {@link Bindings} become a record.
 * Reading streams: a thing's rows come one after the other (the type pattern is first, so the joins run per thing)
 * and are folded as they pass, so memory stays flat whatever the store's size; a selection of things by IRI is
 * folded by IRI instead.
 *
 * @param <R> the record
 */
public abstract class Projection<R> {
    private final String typePattern;
    private final String rest;

    /** A projection of the things matching {@code typePattern} (about {@code ?s}), with {@code rest}. */
    protected Projection(String typePattern, String rest) {
        this.typePattern = typePattern;
        this.rest = rest;
    }

    /** The record of one thing: its IRI, the source graph it is typed in, and its folded values. */
    protected abstract R build(String iri, String graph, Bindings b);

    /** The query text for a selection. */
    public String query(Selection selection) {
        return Prefixes.SPARQL + "SELECT * WHERE {\n" + selection.pattern(typePattern) + rest + "}";
    }

    /** Hands the record of each selected thing to {@code sink}; returns how many. */
    public long read(Store store, Selection selection, Duration timeout, Consumer<? super R> sink) {
        if (selection.isEmpty()) {
            return 0;
        }
        if (!selection.things().isEmpty()) {
            Map<String, Map<String, Bindings>> byThing = new LinkedHashMap<>();
            store.select(query(selection), timeout, row -> byThing.computeIfAbsent(row.getResource("s").getURI(),
                    k -> new LinkedHashMap<>()).computeIfAbsent(row.getResource("g").getURI(), k -> new Bindings())
                    .add(row));
            long[] n = {0};
            byThing.forEach((iri, graphs) -> graphs.forEach((graph, b) -> {
                sink.accept(build(iri, graph, b));
                n[0]++;
            }));
            return n[0];
        }
        Folder folder = new Folder(sink);
        store.select(query(selection), timeout, row -> {
            String iri = row.getResource("s").getURI();
            String graph = row.getResource("g").getURI();
            if (!iri.equals(folder.iri) || !graph.equals(folder.graph)) {
                folder.flush();
                folder.iri = iri;
                folder.graph = graph;
                folder.bindings = new Bindings();
            }
            folder.bindings.add(row);
        });
        folder.flush();
        return folder.count;
    }

    /** Folds consecutive rows of one thing. */
    private final class Folder {
        private final Consumer<? super R> sink;
        String iri;
        String graph;
        Bindings bindings;
        long count;

        Folder(Consumer<? super R> sink) {
            this.sink = sink;
        }

        void flush() {
            if (bindings != null) {
                sink.accept(build(iri, graph, bindings));
                count++;
                bindings = null;
            }
        }
    }
}

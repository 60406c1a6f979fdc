package fr.tissu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Sparql;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The writing side of the {@link SearchIndex}: whole rebuilds and graph-by-graph updates from the store, each
 * ended by one commit that records the store version it reflects, or by a rollback that leaves the index marked
 * for a rebuild.
 */
final class IndexUpdates {
    private static final Set<String> REMOVED_FIELDS = Set.of(Fields.URI, Fields.TYPE, Fields.KEY);
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    private final SearchIndex index;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    IndexUpdates(SearchIndex index, IndexWriter writer, SearcherManager searchers) {
        this.index = index;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Rebuilds the whole index from the store; {@code progress} hears the count every 5 s and at the end. */
    void rebuild(Store store, LongConsumer progress) {
        long version;
        do {
            version = store.version();
            try {
                deleteAll();
                long[] n = {0};
                long[] said = {System.nanoTime()};
                Documents.read(store, null, doc -> {
                    add(doc);
                    n[0]++;
                    if (System.nanoTime() - said[0] > 5_000_000_000L) {
                        said[0] = System.nanoTime();
                        progress.accept(n[0]);
                    }
                });
                progress.accept(n[0]);
            } catch (RuntimeException e) {
                rollback();
                throw e;
            }
        } while (version != store.version()); // a write landed meanwhile: read again
        commit(version);
    }

    /**
     * Follows a load: the documents of {@code graphs} (replaced or removed) are read again from the store. When
     * the index did not reflect {@code versionBefore} (the store's version before the load), every graph is compared
     * ({@link #catchUp}), so that what an interrupted run committed is not lost to the change feed.
     */
    Changes update(Store store, Collection<Node> graphs, long versionBefore) {
        if (index.version() != versionBefore) {
            return catchUp(store);
        }
        return diff(store, withDependents(store, graphs));
    }

    /**
     * Brings an index that reflects another data version than the store's (a process stopped between the store's
     * commit and the index's) up to the store's, graph by graph — the store's graphs and those the index still
     * holds — and returns what changed between, for the change feed. An empty index is rebuilt whole, without
     * changes: there is nothing to compare with.
     */
    Changes catchUp(Store store) {
        if (index.version() == store.version()) {
            return Changes.none();
        }
        if (index.size() == 0) {
            rebuild(store, n -> { });
            return Changes.none();
        }
        LOG.log(System.Logger.Level.INFO, "search index reflects data version {0}, store is at {1}: comparing "
                + "every graph with the store…", index.version(), store.version());
        Set<Node> graphs = new LinkedHashSet<>(store.graphs());
        graphs.addAll(indexedGraphs());
        Changes changes = diff(store, graphs);
        LOG.log(System.Logger.Level.INFO, "search index caught up: {0} changes", changes.size());
        return changes;
    }

    /**
     * Reads {@code graphs} again from the store, replacing their documents; what was added, modified, removed, in a
     * file (memory stays flat whatever the graphs' size: {@link IndexedDigests}).
     */
    private Changes diff(Store store, Collection<Node> graphs) {
        long version = store.version();
        Changes changes = Changes.open();
        try {
            for (Node graph : graphs) {
                index.withSearcher(s -> {
                    IndexedDigests before = IndexedDigests.of(s, graph.getURI());
                    try {
                        writer.deleteDocuments(new Term(Fields.GRAPH, graph.getURI()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Documents.read(store, graph, doc -> {
                        String change = before.compare(doc.get(Fields.URI), doc.get(Fields.DIGEST));
                        if (change != null) {
                            changes.add(new Change(change, doc.get(Fields.TYPE), doc.get(Fields.URI),
                                    doc.get(Fields.KEY)));
                        }
                        add(doc);
                    });
                    StoredFields stored = storedFields(s);
                    before.removed(id -> {
                        try {
                            Document d = stored.document(id, REMOVED_FIELDS);
                            changes.add(new Change("removed", d.get(Fields.TYPE), d.get(Fields.URI),
                                    d.get(Fields.KEY)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    return null;
                });
            }
        } catch (RuntimeException e) {
            changes.close();
            rollback();
            throw e;
        }
        commit(version);
        return changes.done();
    }

    private static StoredFields storedFields(IndexSearcher s) {
        try {
            return s.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The graphs the index holds documents of. */
    private Set<Node> indexedGraphs() {
        return index.withSearcher(s -> {
            Set<Node> graphs = new LinkedHashSet<>();
            try {
                Terms terms = MultiTerms.getTerms(s.getIndexReader(), Fields.GRAPH);
                if (terms != null) {
                    TermsEnum each = terms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        graphs.add(NodeFactory.createURI(term.utf8ToString()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return graphs;
        });
    }

    /**
     * The graphs to read again after {@code graphs} changed: those, and when associations were among what changed
     * (before, as the index knows it, or after, as the store has it) every graph of activities, whose documents
     * carry their organiser's name.
     */
    private Set<Node> withDependents(Store store, Collection<Node> graphs) {
        Set<Node> all = new LinkedHashSet<>(graphs);
        boolean associations = false;
        for (Node g : graphs) {
            associations |= index.withSearcher(s -> {
                try {
                    return s.count(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(Fields.GRAPH, g.getURI())), BooleanClause.Occur.FILTER)
                            .add(new TermQuery(new Term(Fields.TYPE, "association")), BooleanClause.Occur.FILTER)
                            .build()) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }) || store.ask("ASK { GRAPH " + Sparql.iri(g) + " { ?a a <https://schema.org/NGO> } }",
                    Duration.ofMinutes(1));
        }
        if (associations) {
            store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a <https://w3id.org/tissu/ns#Activity> } }",
                    Duration.ofMinutes(5), r -> all.add(r.getResource("g").asNode()));
        }
        return all;
    }

    private void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Document doc) {
        try {
            writer.addDocument(Fields.FACETS_CONFIG.build(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(long version) {
        try {
            writer.setLiveCommitData(Map.of(SearchIndex.VERSION, Long.toString(version)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rollback() {
        // Drop the uncommitted changes without closing the writer: delete what was added since the last commit
        // by reopening is not possible on a live writer, so the pending changes are discarded this way.
        try {
            writer.deleteAll();
            Map<String, String> data = writer.getLiveCommitData() == null ? Map.of()
                    : SearchIndex.toMap(writer.getLiveCommitData());
            writer.setLiveCommitData(Map.of(SearchIndex.VERSION, "-1").entrySet());
            writer.commit();
            LOG.log(System.Logger.Level.WARNING, "search index emptied after a failed update (was at version {0}); "
                    + "it will be rebuilt", data.get(SearchIndex.VERSION));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

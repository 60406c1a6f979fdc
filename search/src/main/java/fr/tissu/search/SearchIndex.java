package fr.tissu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

import fr.tissu.store.Store;
import fr.tissu.store.read.Cursor;
import fr.tissu.vocabulary.Sparql;
import org.apache.jena.graph.Node;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The full-text index of a store. It is derived data: every commit records the store's data version it reflects
 * ({@link #version()}); {@link #sync} rebuilds it when that differs from the store's, so a crash between a store
 * commit and the index commit costs a rebuild at the next start, never stale results. {@link #update} follows a
 * load graph by graph. Searches run on a refreshed searcher, concurrently with updates.
 */
public final class SearchIndex implements AutoCloseable {
    private static final String VERSION = "tissu.store.version";
    /** Matches counted exactly, at least; beyond, the total is a lower bound (as search engines do). */
    public static final int TOTAL_HITS_THRESHOLD = 1000;
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(Analysis.INDEX)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static SearchIndex open(Path dir) {
        try {
            return new SearchIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    /** An index in memory (for an in-memory store). */
    public static SearchIndex inMemory() {
        try {
            return new SearchIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The store data version the last commit reflects: an index never built and empty reflects an empty store
     * (version 0); -1 means it must be rebuilt.
     */
    public long version() {
        Map<String, String> data = writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
        String version = data.get(VERSION);
        if (version == null) {
            return writer.getDocStats().numDocs == 0 ? 0 : -1;
        }
        return Long.parseLong(version);
    }

    /** Rebuilds the index when it does not reflect the store's current data version; returns whether it did. */
    public boolean sync(Store store) {
        if (version() == store.version()) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "search index reflects data version {0}, store is at {1}: rebuilding it "
                + "from the store…", version(), store.version());
        long start = System.nanoTime();
        rebuild(store, n -> LOG.log(System.Logger.Level.INFO, "search index: {0} documents ({1} s)", n,
                (System.nanoTime() - start) / 1_000_000_000L));
        return true;
    }

    /** Rebuilds the whole index from the store; {@code progress} hears the count every 5 s and at the end. */
    public void rebuild(Store store, LongConsumer progress) {
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
     * the index did not reflect {@code versionBefore} (the store's version before the load), it is rebuilt whole.
     */
    public List<Change> update(Store store, Collection<Node> graphs, long versionBefore) {
        if (version() != versionBefore) {
            sync(store);
            return List.of();
        }
        long version = store.version();
        List<Change> changes = new ArrayList<>();
        try {
            for (Node graph : withDependents(store, graphs)) {
                Map<String, String[]> before = digests(graph);
                writer.deleteDocuments(new Term(Fields.GRAPH, graph.getURI()));
                Documents.read(store, graph, doc -> {
                    String uri = doc.get(Fields.URI);
                    String[] old = before.remove(uri);
                    if (old == null) {
                        changes.add(new Change("added", doc.get(Fields.TYPE), uri, doc.get(Fields.KEY)));
                    } else if (!old[0].equals(doc.get(Fields.DIGEST))) {
                        changes.add(new Change("modified", doc.get(Fields.TYPE), uri, doc.get(Fields.KEY)));
                    }
                    add(doc);
                });
                before.forEach((uri, old) -> changes.add(new Change("removed", old[1], uri, old[2])));
            }
        } catch (IOException | RuntimeException e) {
            rollback();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        commit(version);
        return changes;
    }

    /** URI → (digest, type, key) of the documents of {@code graph}, as the index holds them now. */
    private Map<String, String[]> digests(Node graph) {
        return withSearcher(s -> {
            try {
                Map<String, String[]> out = new HashMap<>();
                Query q = new TermQuery(new Term(Fields.GRAPH, graph.getURI()));
                int n = s.count(q);
                if (n == 0) {
                    return out;
                }
                StoredFields stored = s.storedFields();
                Set<String> fields = Set.of(Fields.URI, Fields.DIGEST, Fields.TYPE, Fields.KEY);
                for (ScoreDoc sd : s.search(q, n).scoreDocs) {
                    Document d = stored.document(sd.doc, fields);
                    out.put(d.get(Fields.URI), new String[] {String.valueOf(d.get(Fields.DIGEST)), d.get(Fields.TYPE),
                            d.get(Fields.KEY)});
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            associations |= withSearcher(s -> {
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
            writer.setLiveCommitData(Map.of(VERSION, Long.toString(version)).entrySet());
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
            Map<String, String> data = writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
            writer.setLiveCommitData(Map.of(VERSION, "-1").entrySet());
            writer.commit();
            LOG.log(System.Logger.Level.WARNING, "search index emptied after a failed update (was at version {0}); "
                    + "it will be rebuilt", data.get(VERSION));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents the index holds. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Runs a search. */
    public SearchResult search(SearchRequest request) {
        return withSearcher(searcher -> {
            try {
                return search(searcher, request);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Exact words first; when that finds fewer results than a page and a word is long enough to be a typo, the
     * search runs again with typo tolerance.
     */
    private SearchResult search(IndexSearcher searcher, SearchRequest r) throws IOException {
        SearchResult exact = search(searcher, r, false);
        if (r.after() == null && exact.total() < r.limit() && r.text() != null && TextQuery.hasLongWord(r.text())) {
            return search(searcher, r, true);
        }
        if (r.after() != null && r.text() != null && TextQuery.hasLongWord(r.text())
                && search(searcher, new SearchRequest(r.text(), r.filter(), r.limit(), null, r.origin(), r.byDistance(),
                        List.of(), false), false).total() < r.limit()) {
            return search(searcher, r, true); // a later page of a search that needed typos
        }
        return exact;
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest r, boolean typos) throws IOException {
        Query text = TextQuery.of(r.text(), typos);
        Query query = text;
        if (r.filter() != null) {
            query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
                    .add(r.filter(), BooleanClause.Occur.FILTER).build();
        }
        Sort sort = r.byDistance()
                ? new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, r.origin()[0], r.origin()[1]),
                        new SortField(Fields.KEY, SortField.Type.STRING))
                : Sort.RELEVANCE; // score alone (ties by document), so that non-competitive documents can be skipped
        FieldDoc after = r.after() == null ? null : HitCursor.decode(r.after(), r.byDistance());
        // Counting stops being exact past 1,000 matches: past that point the collector may skip the documents that
        // cannot enter the page (block-max scores), which is what keeps broad queries fast on millions of documents.
        // By relevance, the score collector (it drives that skipping); by distance, the field collector.
        CollectorManager<?, ? extends TopDocs> top = r.byDistance()
                ? new TopFieldCollectorManager(sort, r.limit(), after, TOTAL_HITS_THRESHOLD)
                : new TopScoreDocCollectorManager(r.limit(), after, TOTAL_HITS_THRESHOLD);
        TopDocs docs;
        long total;
        boolean exact;
        Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
        if (r.facets().isEmpty()) {
            docs = searcher.search(query, top);
            total = docs.totalHits.value();
            exact = docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
            if (!exact && r.exactTotal()) {
                total = searcher.count(query);
                exact = true;
            }
        } else {
            MultiCollectorManager both = new MultiCollectorManager(top, new FacetsCollectorManager());
            Object[] results = searcher.search(query, both);
            docs = (TopDocs) results[0];
            FacetsCollector collected = (FacetsCollector) results[1];
            total = collected.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
            exact = true;
            Facets counts = new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()), collected);
            for (String dim : r.facets()) {
                List<SearchResult.FacetCount> values = new ArrayList<>();
                FacetResult result;
                try {
                    result = counts.getTopChildren(dim.equals(Fields.COMMUNE) ? 50 : 100, dim);
                } catch (IllegalArgumentException e) {
                    result = null; // no document has this dimension yet
                }
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
                    }
                }
                facets.put(dim, values);
            }
        }
        String[][] marks = r.highlight() && docs.scoreDocs.length > 0 ? highlight(searcher, text, docs) : null;
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>(docs.scoreDocs.length);
        for (int i = 0; i < docs.scoreDocs.length; i++) {
            ScoreDoc fd = docs.scoreDocs[i];
            Document d = stored.document(fd.doc);
            Double distance = null;
            if (r.origin() != null && d.get(Fields.LOCATION) != null) {
                String[] ll = d.get(Fields.LOCATION).split(",");
                distance = Geo.distance(r.origin()[0], r.origin()[1], Double.parseDouble(ll[0]),
                        Double.parseDouble(ll[1]));
            }
            Map<String, String> h = new LinkedHashMap<>();
            if (marks != null) {
                if (marks[0][i] != null && marks[0][i].contains("<mark>")) {
                    h.put("name", marks[0][i]);
                }
                if (marks[1][i] != null && marks[1][i].contains("<mark>")) {
                    h.put("description", marks[1][i]);
                }
            }
            float score = r.byDistance() ? 0f : fd.score;
            hits.add(new SearchResult.Hit(d.get(Fields.URI), d.get(Fields.KEY), d.get(Fields.TYPE), d.get(Fields.NAME),
                    d.get(Fields.COMMUNE), score, distance, h));
        }
        String next = null;
        if (docs.scoreDocs.length == r.limit() && total > r.limit()) {
            next = HitCursor.encode(docs.scoreDocs[docs.scoreDocs.length - 1]);
        }
        return new SearchResult(total, exact, hits, facets, next);
    }

    private String[][] highlight(IndexSearcher searcher, Query text, TopDocs docs) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analysis.TEXT)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(false)
                .build();
        Map<String, String[]> out = highlighter.highlightFields(new String[] {Fields.NAME, Fields.DESCRIPTION}, text,
                docs, new int[] {1, 2});
        return new String[][] {out.get(Fields.NAME), out.get(Fields.DESCRIPTION)};
    }

    /**
     * Completion for a search box: things whose name has words starting with what was typed (the last word as a
     * prefix, the others whole), best first.
     */
    public List<SearchResult.Hit> suggest(String typed, Query filter, int limit) {
        List<String> words = Analysis.terms(Analysis.PLAIN, typed);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : words) {
            String prefix = w.length() > 20 ? w.substring(0, 20) : w;
            q.add(new TermQuery(new Term(Fields.SUGGEST, prefix)), BooleanClause.Occur.MUST);
        }
        if (filter != null) {
            q.add(filter, BooleanClause.Occur.FILTER);
        }
        Query query = q.build();
        return withSearcher(searcher -> {
            try {
                TopDocs docs = searcher.search(query, limit * 3);
                StoredFields stored = searcher.storedFields();
                List<SearchResult.Hit> out = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (ScoreDoc sd : docs.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    if (seen.add(d.get(Fields.TYPE) + "|" + d.get(Fields.NAME)) && out.size() < limit) {
                        out.add(new SearchResult.Hit(d.get(Fields.URI), d.get(Fields.KEY), d.get(Fields.TYPE),
                                d.get(Fields.NAME), d.get(Fields.COMMUNE), sd.score, null, Map.of()));
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The keys of the things of {@code type} matching {@code text} and {@code filter}, with their scores. */
    public Map<String, Float> matches(String type, String text, Query filter) {
        Map<String, Float> exact = matches(type, text, filter, false);
        return exact.isEmpty() && TextQuery.hasLongWord(text) ? matches(type, text, filter, true) : exact;
    }

    private Map<String, Float> matches(String type, String text, Query filter, boolean typos) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(TextQuery.of(text, typos), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.FILTER);
        if (filter != null) {
            q.add(filter, BooleanClause.Occur.FILTER);
        }
        Query query = q.build();
        return withSearcher(searcher -> {
            try {
                int n = Math.max(1, searcher.count(query));
                TopDocs docs = searcher.search(query, n);
                Map<String, Float> keys = new LinkedHashMap<>();
                for (ScoreDoc sd : docs.scoreDocs) {
                    keys.put(searcher.storedFields().document(sd.doc, Set.of(Fields.KEY)).get(Fields.KEY),
                            sd.score);
                }
                return keys;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, Fields.FACETS_CONFIG));
            facetState = current;
        }
        return current.state();
    }

    private <T> T withSearcher(Function<IndexSearcher, T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.rollback(); // nothing uncommitted is kept: the committed state is the truth
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opaque paging cursors: the sort values of the last hit of a page. */
    static final class HitCursor {
        private HitCursor() {
        }

        /** By distance: the distance and the key; by relevance: the score and the document (within one index). */
        static String encode(ScoreDoc doc) {
            boolean field = doc instanceof FieldDoc fd && fd.fields.length > 1;
            String first = field ? String.valueOf(((Number) ((FieldDoc) doc).fields[0]).doubleValue())
                    : String.valueOf(doc.score);
            String second = field ? ((BytesRef) ((FieldDoc) doc).fields[1]).utf8ToString() : "#" + doc.doc;
            return Cursor.of(first, second);
        }

        static FieldDoc decode(String cursor, boolean byDistance) {
            try {
                List<String> parts = Cursor.parts(cursor, 2);
                double first = Double.parseDouble(parts.get(0));
                String second = parts.get(1);
                if (byDistance) {
                    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {first, new BytesRef(second)});
                }
                if (!second.startsWith("#")) {
                    throw new IllegalArgumentException(cursor);
                }
                return new FieldDoc(Integer.parseInt(second.substring(1)), (float) first, new Object[] {(float) first});
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor of this search: " + cursor);
            }
        }
    }
}

package fr.tissu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;

import fr.tissu.store.Store;
import org.apache.jena.graph.Node;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index of a store. It is derived data: every commit records the store's data version it reflects
 * ({@link #version()}); {@link #sync} rebuilds it when that differs from the store's, so a crash between a store
 * commit and the index commit costs a rebuild at the next start, never stale results. {@link #update} follows a
 * load graph by graph. Searches run on a refreshed searcher, concurrently with updates. This class owns the Lucene
 * directory, writer and searchers; {@link IndexUpdates} writes, {@link Searches} reads.
 */
public final class SearchIndex implements AutoCloseable {
    static final String VERSION = "tissu.store.version";
    /** Matches counted exactly, at least; beyond, the total is a lower bound (as search engines do). */
    public static final int TOTAL_HITS_THRESHOLD = 1000;
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexUpdates updates;
    private final Searches searches;

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(Analysis.INDEX)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.updates = new IndexUpdates(this, writer, searchers);
        this.searches = new Searches(this);
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

    /**
     * Brings the index up to the store's data version when it reflects another one (a process stopped between the
     * store's commit and the index's): every graph is compared with the store, and what changed is returned for the
     * change feed. An empty index is rebuilt, without changes.
     */
    public Changes catchUp(Store store) {
        return updates.catchUp(store);
    }

    /** Rebuilds the whole index from the store; {@code progress} hears the count every 5 s and at the end. */
    public void rebuild(Store store, LongConsumer progress) {
        updates.rebuild(store, progress);
    }

    /**
     * Follows a load: the documents of {@code graphs} (replaced or removed) are read again from the store. When
     * the index did not reflect {@code versionBefore} (the store's version before the load), it is rebuilt whole.
     */
    public Changes update(Store store, Collection<Node> graphs, long versionBefore) {
        return updates.update(store, graphs, versionBefore);
    }

    /** How many documents the index holds. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Runs a search. */
    public SearchResult search(SearchRequest request) {
        return searches.search(request);
    }

    /**
     * Completion for a search box: things whose name has words starting with what was typed (the last word as a
     * prefix, the others whole), best first.
     */
    public List<SearchResult.Hit> suggest(String typed, Query filter, int limit) {
        return searches.suggest(typed, filter, limit);
    }

    /** The keys of the things of {@code type} matching {@code text} and {@code filter}, with their scores. */
    public Map<String, Float> matches(String type, String text, Query filter) {
        return searches.matches(type, text, filter);
    }

    /** Runs {@code action} on the current searcher. */
    <T> T withSearcher(Function<IndexSearcher, T> action) {
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

    static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
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
}

package fr.tissu.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.util.Context;

/**
 * Tissu's RDF store. Everything the service reads goes through SPARQL; everything the loader writes goes through
 * {@link #replace(Node)}, one transaction per named graph. The default graph seen by queries is the union of all
 * named graphs.
 */
public interface Store extends AutoCloseable {

    /** Opens the store the configuration names. */
    static Store create(StoreConfig config) {
        return switch (config.kind()) {
            case "tdb2" -> new Tdb2Store(config.location());
            case "memory" -> Tdb2Store.inMemory();
            case "remote" -> new RemoteStore(config.remote());
            default -> throw new IllegalArgumentException("unknown store kind '" + config.kind()
                    + "' (expected tdb2, memory or remote)");
        };
    }

    /**
     * Runs a SELECT query and hands each row to {@code rows}, streaming: rows are not collected.
     *
     * @throws QueryTimeoutException if the query runs longer than {@code timeout}; it is then cancelled
     */
    void select(String query, Duration timeout, Consumer<QuerySolution> rows);

    /**
     * Runs a parsed query of any form and hands its execution to {@code action}, inside a read transaction, with
     * the timeout set (it keeps running while {@code action} streams the results) and federation (SERVICE) off.
     *
     * @throws QueryTimeoutException if the query, or the streaming of its results, runs past {@code timeout}
     */
    <T> T execute(Query query, Duration timeout,
                  Function<QueryExecution, T> action);

    /** Runs an ASK query. */
    boolean ask(String query, Duration timeout);

    /** Runs a CONSTRUCT or DESCRIBE query and returns its triples. */
    Graph construct(String query, Duration timeout);

    /**
     * Starts replacing a named graph: add the new triples to the returned writer, then {@link GraphWriter#commit()}.
     * Readers see all of the old graph until the commit and all of the new graph after it; closing the writer
     * without committing leaves the store exactly as it was. One writer at a time: a second caller waits.
     */
    GraphWriter replace(Node graph);

    /** Removes a named graph, in one transaction. */
    void drop(Node graph);

    /** The named graphs in the store. */
    List<Node> graphs();

    /** A number that changes with every committed write; 0 for a store never written. */
    long version();

    /** The time of the last committed write, or {@link Instant#EPOCH} for a store never written. */
    Instant lastModified();

    /**
     * The named graphs written or dropped after data version {@code version}, where the store keeps that record (the
     * remote store does, for the instances that follow it); empty where it does not, and the caller then compares
     * every graph.
     */
    default Optional<Set<Node>> changedSince(long version) {
        return Optional.empty();
    }

    /**
     * Reclaims the space of replaced and dropped graphs, where the backend keeps it (TDB2 appends until it is
     * compacted). Readers are served meanwhile; writers wait. Does nothing on backends that need nothing.
     */
    default void compact() {
    }

    /**
     * The ARQ context of this store's queries, where services can put what extensions need (the search index for
     * the text-search property function); {@code null} for backends that run queries elsewhere.
     */
    default Context context() {
        return null;
    }

    /**
     * For a store whose queries run on another engine: a rewriting every query goes through before it leaves, to
     * evaluate here what only this process has (the text index behind {@code tissu:search}). Stores that run
     * queries themselves ignore it: their extensions are found through {@link #context()}.
     */
    default void rewriteQueries(UnaryOperator<Query> rewriting) {
    }

    /** True when the store answers a trivial query (readiness). */
    boolean isReady();

    @Override
    void close();
}

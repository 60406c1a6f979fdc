package fr.tissu.api.graphql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;

/** A store that counts the queries one request sends through it (reported in the response's extensions). */
final class CountingStore implements Store {
    private final Store store;
    private final AtomicInteger queries = new AtomicInteger();

    CountingStore(Store store) {
        this.store = store;
    }

    int queries() {
        return queries.get();
    }

    @Override
    public void select(String query, Duration timeout, Consumer<QuerySolution> rows) {
        queries.incrementAndGet();
        store.select(query, timeout, rows);
    }

    @Override
    public <T> T execute(Query query, Duration timeout, Function<QueryExecution, T> action) {
        queries.incrementAndGet();
        return store.execute(query, timeout, action);
    }

    @Override
    public boolean ask(String query, Duration timeout) {
        queries.incrementAndGet();
        return store.ask(query, timeout);
    }

    @Override
    public Graph construct(String query, Duration timeout) {
        queries.incrementAndGet();
        return store.construct(query, timeout);
    }

    @Override
    public GraphWriter replace(Node graph) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void drop(Node graph) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<Node> graphs() {
        return store.graphs();
    }

    @Override
    public long version() {
        return store.version();
    }

    @Override
    public Instant lastModified() {
        return store.lastModified();
    }

    @Override
    public boolean isReady() {
        return store.isReady();
    }

    @Override
    public void close() {
        // the request does not own the store
    }
}

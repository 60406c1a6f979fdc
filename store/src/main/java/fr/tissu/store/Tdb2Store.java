package fr.tissu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The embedded store: Apache Jena TDB2 on disk. Queries run with TDB2's union default graph. The store's own
 * bookkeeping (data version, last write) lives in TDB2's real default graph, which the union does not show.
 */
final class Tdb2Store implements Store {
    private static final Logger LOG = Logger.getLogger(Tdb2Store.class.getName());
    /** How long {@link #close()} waits for the transactions still active. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Node SELF = NodeFactory.createURI("urn:tissu:store");
    private static final Node VERSION = NodeFactory.createURI("urn:tissu:version");
    private static final Node MODIFIED = NodeFactory.createURI("urn:tissu:modified");
    /** System property: how many threads write a replaced graph's quad indexes (1 to 6; default: the cores). */
    static final String INDEX_WRITERS = "tissu.store.index-writers";
    private static final int WRITERS = Integer.getInteger(INDEX_WRITERS, Runtime.getRuntime().availableProcessors());

    private final Dataset dataset;
    private final DatasetGraph dsg;
    private final Path location;
    private final int indexWriters;
    private final int chunk;

    Tdb2Store(Path location) {
        this(location, WRITERS, SortedQuadWriter.chunkFor(Runtime.getRuntime().maxMemory(), WRITERS));
    }

    /** A store whose graph writers use {@code indexWriters} threads and chunks of {@code chunk} quads. */
    Tdb2Store(Path location, int indexWriters, int chunk) {
        this(location == null ? TDB2Factory.createDataset() : connect(location), location, indexWriters, chunk);
    }

    private Tdb2Store(Dataset dataset, Path location, int indexWriters, int chunk) {
        this.dataset = dataset;
        this.dsg = dataset.asDatasetGraph();
        this.location = location;
        this.indexWriters = indexWriters;
        this.chunk = chunk;
        NoCodeFunctions.install(dsg.getContext());
    }

    static Tdb2Store inMemory() {
        return new Tdb2Store(null, WRITERS, SortedQuadWriter.chunkFor(Runtime.getRuntime().maxMemory(), WRITERS));
    }

    private static Dataset connect(Path location) {
        try {
            Files.createDirectories(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + location, e);
        }
        return TDB2Factory.connectDataset(location.toString());
    }

    @Override
    public void select(String query, Duration timeout, Consumer<QuerySolution> rows) {
        read(timeout, () -> {
            try (QueryExecution qe = execution(query, timeout)) {
                ResultSet results = qe.execSelect();
                results.forEachRemaining(rows);
            }
            return null;
        });
    }

    @Override
    public boolean ask(String query, Duration timeout) {
        return read(timeout, () -> {
            try (QueryExecution qe = execution(query, timeout)) {
                return qe.execAsk();
            }
        });
    }

    @Override
    public Graph construct(String query, Duration timeout) {
        return read(timeout, () -> {
            try (QueryExecution qe = execution(query, timeout)) {
                Graph graph = GraphFactory.createDefaultGraph();
                if (qe.getQuery().isDescribeType()) {
                    qe.execDescribeTriples().forEachRemaining(graph::add);
                } else {
                    qe.execConstructTriples().forEachRemaining(graph::add);
                }
                return graph;
            }
        });
    }

    @Override
    public <T> T execute(Query query, Duration timeout, Function<QueryExecution, T> action) {
        return read(timeout, () -> {
            // A query naming its dataset (FROM, FROM NAMED, or the protocol's graph parameters) gets exactly that;
            // otherwise the default graph is the union of the named graphs.
            // REGEX and REPLACE stop at the timeout even within one match (BoundedRegex)
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(BoundedRegex.rewrite(query))
                    .set(TDB2.symUnionDefaultGraph, !query.hasDatasetDescription())
                    .set(ARQ.httpServiceAllowed, false)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build()) {
                return action.apply(qe);
            }
        });
    }

    private QueryExecution execution(String query, Duration timeout) {
        return QueryExecution.dataset(dataset).query(query)
                .set(TDB2.symUnionDefaultGraph, true)
                .set(ARQ.httpServiceAllowed, false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    private <T> T read(Duration timeout, Supplier<T> action) {
        try {
            return Txn.calculateRead(dataset, action);
        } catch (QueryCancelledException e) {
            throw new QueryTimeoutException(timeout, e);
        }
    }

    @Override
    public GraphWriter replace(Node graph) {
        if (graph == null || !graph.isURI()) {
            throw new IllegalArgumentException("a named graph needs an IRI: " + graph);
        }
        dataset.begin(TxnType.WRITE);
        Tdb2Writer writer = null;
        try {
            writer = new Tdb2Writer(graph);
            writer.quads.deleteGraph(graph);
            return writer;
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.quads.close();
            }
            dataset.abort();
            dataset.end();
            throw e;
        }
    }

    @Override
    public void drop(Node graph) {
        Txn.executeWrite(dataset, () -> {
            try (SortedQuadWriter quads = new SortedQuadWriter(dsg, indexWriters, chunk)) {
                quads.deleteGraph(graph);
            }
            bumpVersion();
        });
    }

    @Override
    public List<Node> graphs() {
        return Txn.calculateRead(dataset, () -> {
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            return names;
        });
    }

    @Override
    public long version() {
        return Txn.calculateRead(dataset, () -> {
            var found = dsg.getDefaultGraph().find(SELF, VERSION, Node.ANY);
            return found.hasNext() ? ((Number) found.next().getObject().getLiteralValue()).longValue() : 0L;
        });
    }

    @Override
    public Instant lastModified() {
        return Txn.calculateRead(dataset, () -> {
            var found = dsg.getDefaultGraph().find(SELF, MODIFIED, Node.ANY);
            return found.hasNext() ? Instant.parse(found.next().getObject().getLiteralLexicalForm()) : Instant.EPOCH;
        });
    }

    @Override
    public void compact() {
        if (location != null) {
            DatabaseMgr.compact(dsg, true);
        }
    }

    @Override
    public Context context() {
        return dsg.getContext();
    }

    @Override
    public boolean isReady() {
        try {
            return Txn.calculateRead(dataset, () -> dsg.getDefaultGraph() != null);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Closes the store. Queries still being answered (a response streaming as the server stops, a dump being written)
     * are given {@link #CLOSE_WAIT} to end; the database and its lock file are then released now, not at the end of
     * the process: another process (a server started after a load, or the load after a server) may open it next.
     * Readers still active after the wait keep it until the process ends, which is said once in the log.
     */
    @Override
    public void close() {
        dataset.close();
        if (location != null) {
            var transactions = TDBInternal.getTransactionCoordinator(dsg);
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (transactions.countActive() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            long active = transactions.countActive();
            if (active > 0) {
                LOG.warning(() -> "closing the store in " + location + " with " + active + " transaction(s) still "
                        + "active after " + CLOSE_WAIT.toSeconds() + " s: it is released when the process ends");
                return;
            }
            TDBInternal.expel(dsg);
        }
    }

    /** Called inside a write transaction. */
    private void bumpVersion() {
        Graph meta = dsg.getDefaultGraph();
        var found = meta.find(SELF, VERSION, Node.ANY);
        long version = found.hasNext() ? ((Number) found.next().getObject().getLiteralValue()).longValue() : 0L;
        meta.remove(SELF, VERSION, Node.ANY);
        meta.remove(SELF, MODIFIED, Node.ANY);
        meta.add(SELF, VERSION, NodeFactory.createLiteralDT(Long.toString(version + 1), XSDDatatype.XSDlong));
        meta.add(SELF, MODIFIED, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTimeStamp));
    }

    private final class Tdb2Writer implements GraphWriter {
        private final Node graph;
        private final SortedQuadWriter quads = new SortedQuadWriter(dsg, indexWriters, chunk);
        private long count;
        private boolean open = true;

        Tdb2Writer(Node graph) {
            this.graph = graph;
        }

        @Override
        public void add(Triple triple) {
            quads.add(graph, triple);
            count++;
        }

        @Override
        public Graph content() {
            quads.flush();
            return dsg.getGraph(graph);
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public void commit() {
            quads.flush();
            quads.close();
            bumpVersion();
            dataset.commit();
            dataset.end();
            open = false;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                quads.close();
                dataset.abort();
                dataset.end();
            }
        }
    }
}

package fr.tissu.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.message.BasicNameValuePair;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecutionAdapter;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.FmtUtils;
import org.eclipse.rdf4j.common.exception.RDF4JException;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.query.Binding;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.GraphQueryResult;
import org.eclipse.rdf4j.query.Operation;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.http.HTTPRepository;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;

/**
 * A store kept by another engine, reached over the SPARQL 1.1 protocols: queries and updates through Eclipse RDF4J's
 * SPARQL repository (any SPARQL 1.1 service: Fuseki, Virtuoso, GraphDB, RDF4J Server, Neptune), graph uploads through
 * the Graph Store Protocol or, on RDF4J Server and GraphDB, RDF4J's HTTP repository, streamed.
 *
 * <p>The engine keeps everything every Tissu instance on it must agree on, in the graph {@code urn:tissu:store}: the
 * data version, the last write, and the list of Tissu's graphs. A query that names no dataset is sent with that list
 * as its dataset (each graph both default and named, as the protocol's {@code default-graph-uri} and
 * {@code named-graph-uri}), which is what the embedded store's union default graph is, on any engine and without
 * configuring it; the store's own graph stays out of sight. Where the engine names the union of its named graphs
 * ({@link StoreConfig.Remote#unionGraph()}, {@code urn:x-arq:UnionGraph} on Fuseki), that one graph is sent as the
 * default graph instead, answered from the engine's own indexes, and the record moves to the engine's default graph,
 * which that union leaves out.
 *
 * <p>A graph's new content is written to temporary files as it is added. On RDF4J Server and GraphDB (configured by
 * their repository's address, {@link StoreConfig.Remote#repository()}), the commit clears the graph, streams the
 * files and updates the record in one transaction of the engine, through RDF4J's HTTP repository: readers see the old
 * graph and version or the new ones. On any other SPARQL 1.1 service the graph is replaced by one Graph Store
 * Protocol {@code PUT}, which engines with transactions (Fuseki) run as one: readers see the old graph or the new
 * one; an update then bumps the version (a reader may see the new graph a moment before the new version; never half
 * a graph). Content validated before the commit is checked in a scratch store on local disk, never in the engine.
 *
 * <p>Timeouts: the query's timeout goes to the engine as the protocol's {@code timeout} parameter (in seconds, which
 * Fuseki, GraphDB and RDF4J Server read) and is enforced here as well: the answer is closed when the time is up, and a
 * request on which the engine stays silent longer than {@link StoreConfig.Remote#readTimeout()} fails. An engine that
 * fails or cannot be reached gives a {@link StoreException} naming it.
 */
final class RemoteStore implements Store {
    private static final String SELF = "urn:tissu:store";
    private static final String VERSION = "urn:tissu:version";
    private static final String MODIFIED = "urn:tissu:modified";
    private static final String HOLDS = "urn:tissu:graph";
    private static final String WRITTEN = "urn:tissu:writtenAtVersion";
    private static final String NONE = "urn:tissu:no-graph";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private final StoreConfig.Remote config;
    private final SPARQLRepository repository;
    /** RDF4J Server or GraphDB, through the RDF4J REST API: for writes in one engine transaction; else null. */
    private final HTTPRepository transactional;
    private final ExecutorService parsing;
    private final CloseableHttpClient rdf4jHttp;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final ReentrantLock writing = new ReentrantLock(true);
    private volatile Known known;
    private volatile UnaryOperator<Query> rewriting = UnaryOperator.identity();

    /** The store's own record, as read at {@code readAt} (nanoTime). */
    private record Known(long version, Instant modified, List<Node> graphs, Map<Node, Long> writes, long readAt) {
    }

    RemoteStore(StoreConfig.Remote config) {
        this.config = config;
        int silence = (int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis());
        this.rdf4jHttp = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(Math.min(silence, 10_000))
                        .setConnectionRequestTimeout(silence).setSocketTimeout(silence).build())
                .setMaxConnPerRoute(64).setMaxConnTotal(64).useSystemProperties().build();
        this.parsing = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("remote-store-answers")
                .factory());
        this.repository = new TimedRepository(config, rdf4jHttp, parsing);
        repository.init();
        if (config.repository() != null) {
            this.transactional = new HTTPRepository(config.repository().toString());
            transactional.setHttpClient(rdf4jHttp);
            if (config.user() != null) {
                transactional.setUsernameAndPassword(config.user(), config.password());
            }
            transactional.init();
        } else {
            this.transactional = null;
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.min(silence, 10_000))).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "remote-store-timeouts");
            t.setDaemon(true);
            return t;
        });
    }

    // ---------------------------------------------------------------- queries

    @Override
    public void select(String query, Duration timeout, Consumer<QuerySolution> rows) {
        execute(QueryFactory.create(query, Syntax.syntaxARQ), timeout, qe -> {
            ResultSet results = qe.execSelect();
            results.forEachRemaining(rows);
            return null;
        });
    }

    @Override
    public boolean ask(String query, Duration timeout) {
        return execute(QueryFactory.create(query, Syntax.syntaxARQ), timeout, QueryExecution::execAsk);
    }

    @Override
    public Graph construct(String query, Duration timeout) {
        return execute(QueryFactory.create(query, Syntax.syntaxARQ), timeout, qe -> {
            Graph graph = GraphFactory.createDefaultGraph();
            (qe.getQuery().isDescribeType() ? qe.execDescribeTriples() : qe.execConstructTriples())
                    .forEachRemaining(graph::add);
            return graph;
        });
    }

    @Override
    public <T> T execute(Query original, Duration timeout, Function<QueryExecution, T> action) {
        Query query = rewriting.apply(original);
        Guard.check(query);
        try (RepositoryConnection c = connection(); RemoteExec exec = new RemoteExec(c, query, timeout)) {
            return action.apply(QueryExecutionAdapter.adapt(exec));
        } catch (QueryCancelledException e) {
            throw new QueryTimeoutException(timeout, e);
        }
    }

    /**
     * One query on the engine, as Jena's {@link QueryExec}: its answer read as it arrives, closed at the timeout
     * (reading on then throws {@link QueryCancelledException}).
     */
    private final class RemoteExec implements QueryExec {
        private final RepositoryConnection connection;
        private final Query query;
        private final String text;
        private final Duration timeout;
        private final AtomicBoolean expired = new AtomicBoolean();
        private final ScheduledFuture<?> alarm;
        private volatile AutoCloseable answer;
        private boolean closed;

        RemoteExec(RepositoryConnection connection, Query query, Duration timeout) {
            this.connection = connection;
            this.query = query;
            this.text = query.serialize(Syntax.syntaxSPARQL_11);
            this.timeout = timeout;
            this.alarm = timer.schedule(() -> {
                expired.set(true);
                closeAnswer();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private <O extends Operation> O prepared(O op) {
            op.setMaxExecutionTime((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            if (!query.hasDatasetDescription()) {
                op.setDataset(union());
            }
            return op;
        }

        private RuntimeException failure(RuntimeException e) {
            if (expired.get()) {
                return new QueryCancelledException();
            }
            return e instanceof RDF4JException ? unavailable(e) : e;
        }

        private <A extends AutoCloseable> A opened(A result) {
            answer = result;
            if (expired.get()) {
                closeAnswer();
                throw new QueryCancelledException();
            }
            return result;
        }

        /**
         * The answer read as it arrives, each item converted; an answer closed at the timeout ends with
         * {@link QueryCancelledException}, never as if it were complete.
         */
        private <A, B> Iterator<B> guarded(Iterator<A> answer, Function<A, B> convert) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more;
                    try {
                        more = answer.hasNext();
                    } catch (RuntimeException e) {
                        throw failure(e);
                    }
                    if (!more && expired.get()) {
                        throw new QueryCancelledException();
                    }
                    return more;
                }

                @Override
                public B next() {
                    try {
                        return convert.apply(answer.next());
                    } catch (NoSuchElementException e) {
                        throw expired.get() ? new QueryCancelledException() : e;
                    } catch (RuntimeException e) {
                        throw failure(e);
                    }
                }
            };
        }

        @Override
        public RowSet select() {
            try {
                TupleQueryResult result = opened(prepared(connection.prepareTupleQuery(QueryLanguage.SPARQL, text))
                        .evaluate());
                List<Var> vars = result.getBindingNames().stream().map(Var::alloc).toList();
                return RowSetStream.create(vars, guarded(result, Rdf4jTerms::binding));
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }

        @Override
        public boolean ask() {
            try {
                return prepared(connection.prepareBooleanQuery(QueryLanguage.SPARQL, text)).evaluate();
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }

        @Override
        public Iterator<Triple> constructTriples() {
            try {
                GraphQueryResult result = opened(prepared(connection.prepareGraphQuery(QueryLanguage.SPARQL, text))
                        .evaluate());
                return guarded(result, Rdf4jTerms::triple);
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }

        @Override
        public Iterator<Triple> describeTriples() {
            return constructTriples();
        }

        @Override
        public Graph construct(Graph graph) {
            constructTriples().forEachRemaining(graph::add);
            return graph;
        }

        @Override
        public Graph describe(Graph graph) {
            return construct(graph);
        }

        @Override
        public Iterator<Quad> constructQuads() {
            throw new UnsupportedOperationException("CONSTRUCT of quads is not sent to a remote store");
        }

        @Override
        public DatasetGraph constructDataset(DatasetGraph dataset) {
            throw new UnsupportedOperationException("CONSTRUCT of quads is not sent to a remote store");
        }

        @Override
        public JsonArray execJson() {
            throw new UnsupportedOperationException("JSON queries are not sent to a remote store");
        }

        @Override
        public Iterator<JsonObject> execJsonItems() {
            throw new UnsupportedOperationException("JSON queries are not sent to a remote store");
        }

        @Override
        public DatasetGraph getDataset() {
            return null;
        }

        @Override
        public Context getContext() {
            return Context.emptyContext();
        }

        @Override
        public Query getQuery() {
            return query;
        }

        @Override
        public String getQueryString() {
            return text;
        }

        @Override
        public void abort() {
            closeAnswer();
        }

        private void closeAnswer() {
            AutoCloseable a = answer;
            if (a != null) {
                try {
                    a.close();
                } catch (Exception e) {
                    // the answer is abandoned: nothing to keep from it
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                alarm.cancel(false);
                closeAnswer();
            }
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    /**
     * The dataset a query naming none is sent with: every graph of Tissu's as named graphs, and as default graph
     * either the engine's own union of its named graphs (where {@link StoreConfig.Remote#unionGraph()} names it) or
     * each of them.
     */
    private SimpleDataset union() {
        var f = repository.getValueFactory();
        SimpleDataset d = new SimpleDataset();
        List<Node> graphs = known().graphs();
        // an empty list would mean all the engine's graphs
        List<IRI> named = graphs.isEmpty() ? List.of(f.createIRI(NONE))
                : graphs.stream().map(g -> f.createIRI(g.getURI())).toList();
        named.forEach(d::addNamedGraph);
        if (config.unionGraph() != null) {
            d.addDefaultGraph(f.createIRI(config.unionGraph()));
        } else {
            named.forEach(d::addDefaultGraph);
        }
        return d;
    }

    /**
     * {@code triples} (a pattern or data) in the store's record: in its graph {@code urn:tissu:store}, or, where the
     * engine's own union of named graphs is used, in the engine's default graph, which that union leaves out.
     */
    private String inRecord(String triples) {
        return config.unionGraph() == null ? "GRAPH <" + SELF + "> { " + triples + " }" : triples;
    }

    @Override
    public void rewriteQueries(UnaryOperator<Query> next) {
        UnaryOperator<Query> before = rewriting;
        rewriting = q -> next.apply(before.apply(q));
    }

    /**
     * RDF4J's SPARQL repository, sending each query's time limit to the engine as a query parameter (RDF4J 5 sends
     * none to a plain SPARQL service): without it, a query Tissu gave up on would run on in the engine.
     */
    private static final class TimedRepository extends SPARQLRepository {
        private final StoreConfig.Remote config;
        private final org.apache.http.client.HttpClient client;
        private final ExecutorService parsing;

        TimedRepository(StoreConfig.Remote config, org.apache.http.client.HttpClient client, ExecutorService parsing) {
            super(config.query().toString(), config.update().toString());
            this.config = config;
            this.client = client;
            this.parsing = parsing;
        }

        @Override
        protected SPARQLProtocolSession createSPARQLProtocolSession() {
            String parameter = config.timeoutParameter();
            SPARQLProtocolSession session = new SPARQLProtocolSession(client, parsing) {
                {
                    setQueryURL(config.query().toString());
                    setUpdateURL(config.update().toString());
                }

                @Override
                protected List<NameValuePair> getQueryMethodParameters(QueryLanguage ql, String query, String baseURI,
                        Dataset dataset, boolean includeInferred, int maxQueryTime, Binding... bindings) {
                    List<NameValuePair> params = new ArrayList<>(super.getQueryMethodParameters(ql, query, baseURI,
                            dataset, includeInferred, maxQueryTime, bindings));
                    if (maxQueryTime > 0 && parameter != null && !parameter.isBlank()
                            && params.stream().noneMatch(p -> p.getName().equals(parameter))) {
                        params.add(new BasicNameValuePair(parameter, Integer.toString(maxQueryTime)));
                    }
                    return params;
                }
            };
            if (config.user() != null) {
                session.setUsernameAndPassword(config.user(), config.password());
            }
            return session;
        }
    }

    // ---------------------------------------------------------------- the store's record

    /** The store's record, read again once it is older than the configured poll interval. */
    private Known known() {
        Known k = known;
        if (k == null || System.nanoTime() - k.readAt() > config.poll().toNanos()) {
            k = readKnown();
            known = k;
        }
        return k;
    }

    /**
     * Reads the store's graph {@code urn:tissu:store}: the data version, the last write, the graphs and, for each
     * graph written or dropped, the data version that write made.
     */
    private Known readKnown() {
        String q = "SELECT ?s ?p ?o { " + inRecord("?s ?p ?o") + " }";
        long version = 0;
        Instant modified = Instant.EPOCH;
        List<Node> graphs = new ArrayList<>();
        Map<Node, Long> writes = new HashMap<>();
        try (RepositoryConnection c = connection();
             TupleQueryResult rows = c.prepareTupleQuery(QueryLanguage.SPARQL, q).evaluate()) {
            for (BindingSet row : rows) {
                String p = row.getValue("p").stringValue();
                String o = row.getValue("o").stringValue();
                Node subject = NodeFactory.createURI(row.getValue("s").stringValue());
                switch (p) {
                    case VERSION -> version = Math.max(version, Long.parseLong(o));
                    case MODIFIED -> modified = Instant.parse(o).isAfter(modified) ? Instant.parse(o) : modified;
                    case HOLDS -> graphs.add(NodeFactory.createURI(o));
                    case WRITTEN -> writes.merge(subject, Long.parseLong(o), Math::max);
                    default -> { }
                }
            }
        } catch (RDF4JException e) {
            throw unavailable(e);
        } catch (RuntimeException e) {
            throw new StoreException("the store's record (graph " + SELF + ") is not Tissu's: " + e.getMessage(), e);
        }
        graphs.sort(Comparator.comparing(Node::getURI));
        return new Known(version, modified, List.copyOf(graphs), Map.copyOf(writes), System.nanoTime());
    }

    /** The graphs, as of the last read of the store's record (at most the poll interval ago, or since a write here). */
    @Override
    public List<Node> graphs() {
        return known().graphs();
    }

    /** The data version, as of the last read of the store's record: another instance's write shows within the poll. */
    @Override
    public long version() {
        return known().version();
    }

    @Override
    public Instant lastModified() {
        return known().modified();
    }

    @Override
    public Optional<Set<Node>> changedSince(long version) {
        Known k = known();
        Set<Node> changed = new LinkedHashSet<>();
        k.writes().forEach((graph, at) -> {
            if (at > version) {
                changed.add(graph);
            }
        });
        return Optional.of(changed);
    }

    /**
     * The update that records a write of {@code graph} ({@code null}: none) and bumps the version and the time of the
     * last write, within the request it ends: every instance reads them from the store. Each step reads the record
     * through an aggregate, the one form Virtuoso 7 runs right: an {@code OPTIONAL} first in the {@code WHERE} of an
     * update matches nothing there, and a sub-select followed by an {@code OPTIONAL} fails to compile.
     */
    private String bump(Node graph) {
        String self = "<" + SELF + ">";
        String version = self + " <" + VERSION + "> ";
        String latest = "{ SELECT ((COALESCE(MAX(?x), 0) + 1) AS ?n) (MAX(?x) AS ?v) WHERE { "
                + inRecord(version + "?x") + " } }";
        StringBuilder u = new StringBuilder()
                .append("DELETE { ").append(inRecord(version + "?v")).append(" } INSERT { ")
                .append(inRecord(version + "?n")).append(" } WHERE { ").append(latest).append(" } ; ")
                .append("DELETE WHERE { ").append(inRecord(self + " <" + MODIFIED + "> ?m")).append(" } ; ")
                .append("INSERT DATA { ").append(inRecord(self + " <" + MODIFIED + "> \"" + Instant.now() + "\"^^<"
                        + XSD + "dateTime>")).append(" }");
        if (graph != null) {
            String g = FmtUtils.stringForNode(graph);
            u.append(" ; DELETE WHERE { ").append(inRecord(g + " <" + WRITTEN + "> ?w")).append(" } ; INSERT { ")
                    .append(inRecord(g + " <" + WRITTEN + "> ?v"))
                    .append(" } WHERE { { SELECT (MAX(?x) AS ?v) WHERE { ").append(inRecord(version + "?x"))
                    .append(" } } }");
        }
        return u.toString();
    }

    /** An ASK sent as it is (no dataset added): for the store's own checks. */
    private boolean ask(String query) {
        try (RepositoryConnection c = connection()) {
            return c.prepareBooleanQuery(QueryLanguage.SPARQL, query).evaluate();
        } catch (RDF4JException e) {
            throw unavailable(e);
        }
    }

    private void update(String update) {
        try (RepositoryConnection c = connection()) {
            c.prepareUpdate(QueryLanguage.SPARQL, update).execute();
        } catch (RDF4JException e) {
            throw unavailable(e);
        } finally {
            known = null;
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public GraphWriter replace(Node graph) {
        if (graph == null || !graph.isURI()) {
            throw new IllegalArgumentException("a named graph needs an IRI: " + graph);
        }
        writing.lock();
        return new RemoteWriter(graph);
    }

    @Override
    public void drop(Node graph) {
        writing.lock();
        try {
            update("DROP SILENT GRAPH " + FmtUtils.stringForNode(graph) + " ; DELETE DATA { " + inRecord("<" + SELF
                    + "> <" + HOLDS + "> " + FmtUtils.stringForNode(graph)) + " } ; " + bump(graph));
        } finally {
            writing.unlock();
        }
    }

    /**
     * The new content of one graph, written as N-Triples to temporary files while it is added (memory stays flat),
     * then sent at the commit by one Graph Store Protocol {@code PUT}, which replaces the graph in one engine
     * transaction: no copy of the graph in the engine, which Fuseki holds in memory for {@code INSERT … WHERE} (a
     * 3.7M-triple graph ran a 1 GiB Fuseki out of memory). To be validated before the commit ({@link #content()}),
     * what was added so far is also loaded into a scratch TDB2 store on local disk, deleted with the writer: the
     * engine never holds half a graph, and validation reads a local store rather than query the engine per pattern.
     */
    private final class RemoteWriter implements GraphWriter {
        private final Node graph;
        private final List<Path> parts = new ArrayList<>();
        private int checkedParts;
        private Path scratchDir;
        private Store scratch;
        private GraphWriter checked;
        private StreamRDF writer;
        private OutputStream out;
        private long count;
        private boolean open = true;

        RemoteWriter(Node graph) {
            this.graph = graph;
        }

        @Override
        public void add(Triple triple) {
            if (writer == null) {
                try {
                    Path part = Files.createTempFile("tissu-upload-", ".nt");
                    parts.add(part);
                    out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write an upload to the store in a temporary file", e);
                }
                writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES_UTF8);
                writer.start();
            }
            writer.triple(triple);
            count++;
        }

        /** Ends the part being written; the next triple starts another. */
        private void endPart() {
            if (writer != null) {
                writer.finish();
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write an upload to the store in a temporary file", e);
                }
                writer = null;
            }
        }

        @Override
        public Graph content() {
            endPart();
            try {
                if (scratchDir == null) {
                    scratchDir = Files.createTempDirectory("tissu-check-");
                    scratch = new Tdb2Store(scratchDir);
                    checked = scratch.replace(graph);
                }
                for (; checkedParts < parts.size(); checkedParts++) {
                    RDFParser.source(parts.get(checkedParts)).lang(Lang.NTRIPLES).labelToNode(
                            LabelToNode.createUseLabelAsGiven()).parse(new StreamRDFBase() {
                                @Override
                                public void triple(Triple triple) {
                                    checked.add(triple);
                                }
                            });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a scratch store to check an upload", e);
            }
            return checked.content();
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public void commit() {
            if (!open) {
                throw new IllegalStateException("this writer is closed");
            }
            try {
                endPart();
                String g = FmtUtils.stringForNode(graph);
                String record = "INSERT DATA { " + inRecord("<" + SELF + "> <" + HOLDS + "> " + g) + " } ; "
                        + bump(graph);
                if (transactional != null) {
                    commitInTransaction(record);
                } else {
                    if (!parts.isEmpty()) {
                        send("PUT", graph.getURI(), parts);
                    }
                    update((parts.isEmpty() ? "DROP SILENT GRAPH " + g + " ; " : "") + record);
                }
            } finally {
                open = false;
                cleanUp();
            }
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                cleanUp();
            }
        }

        /**
         * RDF4J Server, GraphDB: the graph cleared, its new content streamed from the temporary files and the record
         * updated in one transaction of the engine, so the graph and the data version change together; a failure
         * rolls everything back.
         */
        private void commitInTransaction(String record) {
            IRI context = transactional.getValueFactory().createIRI(graph.getURI());
            try (RepositoryConnection c = transactional.getConnection()) {
                c.begin();
                try {
                    c.clear(context);
                    for (Path part : parts) {
                        c.add(part.toFile(), org.eclipse.rdf4j.rio.RDFFormat.NTRIPLES, context);
                    }
                    c.prepareUpdate(QueryLanguage.SPARQL, record).execute();
                    c.commit();
                } catch (RuntimeException | IOException e) {
                    if (c.isActive()) {
                        c.rollback();
                    }
                    throw e;
                }
            } catch (RDF4JException e) {
                throw unavailable(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read an upload's temporary file", e);
            } finally {
                known = null;
            }
        }

        private void closeScratch() {
            if (scratchDir == null) {
                return;
            }
            try {
                try {
                    if (checked != null) {
                        checked.close();
                    }
                } finally {
                    if (scratch != null) {
                        scratch.close();
                    }
                }
            } finally {
                checked = null;
                scratch = null;
                try (var files = Files.walk(scratchDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    scratchDir.toFile().deleteOnExit();
                }
                scratchDir = null;
            }
        }

        private void cleanUp() {
            try {
                if (writer != null) {
                    writer = null;
                    try {
                        out.close();
                    } catch (IOException e) {
                        // abandoned
                    }
                }
                for (Path part : parts) {
                    try {
                        Files.deleteIfExists(part);
                    } catch (IOException e) {
                        part.toFile().deleteOnExit();
                    }
                }
                closeScratch();
            } finally {
                writing.unlock();
            }
        }

        /**
         * Sends {@code files} as one Graph Store Protocol request on {@code target} ({@code PUT} replaces the graph,
         * {@code POST} adds to it), with their length (Virtuoso keeps nothing of a chunked body), and checks that
         * the engine kept something.
         */
        private void send(String method, String target, List<Path> files) {
            HttpRequest.BodyPublisher body;
            try {
                List<HttpRequest.BodyPublisher> each = new ArrayList<>();
                for (Path f : files) {
                    each.add(HttpRequest.BodyPublishers.ofFile(f));
                }
                body = HttpRequest.BodyPublishers.concat(each.toArray(HttpRequest.BodyPublisher[]::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            URI uri = URI.create(config.graphStore() + (config.graphStore().getQuery() == null ? "?" : "&")
                    + "graph=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.readTimeout().multipliedBy(10))
                    .header("Content-Type", "application/n-triples; charset=utf-8").method(method, body);
            if (config.user() != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw unavailable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while uploading to the store", e);
            }
            if (answer.statusCode() / 100 != 2) {
                throw new StoreException("the store at " + config.graphStore() + " refused the upload: HTTP "
                        + answer.statusCode() + " " + firstLine(answer.body()));
            }
            if (!ask("ASK { GRAPH <" + target + "> { ?s ?p ?o } }")) {
                throw new StoreException("the store at " + config.graphStore() + " accepted an upload of "
                        + count + " triples into " + target + " but kept none");
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private RepositoryConnection connection() {
        try {
            return repository.getConnection();
        } catch (RDF4JException e) {
            throw unavailable(e);
        }
    }

    private StoreException unavailable(Throwable e) {
        return new StoreException("the store at " + config.query() + " did not answer: " + firstLine(
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).substring(0, Math.min(300, nl < 0 ? t.length() : nl));
    }

    @Override
    public boolean isReady() {
        try (RepositoryConnection c = repository.getConnection()) {
            return c.prepareBooleanQuery(QueryLanguage.SPARQL, "ASK {}").evaluate();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        repository.shutDown();
        if (transactional != null) {
            transactional.shutDown();
        }
        parsing.shutdownNow();
        try {
            rdf4jHttp.close();
        } catch (IOException e) {
            // closing
        }
        http.close();
    }

    /**
     * What the embedded store refuses by its function registries, refused before a query reaches the engine, whose
     * registries are not Tissu's: federation ({@code SERVICE}) and functions that name code ({@code java:} classes,
     * JavaScript), wherever they appear. Every IRI is looked for in the query written without prefixes, so an IRI in
     * a string literal is refused too.
     */
    private static final class Guard {
        private static final Pattern CODE = Pattern.compile(
                "<(?i:java:)|<http://jena\\.apache\\.org/ARQ/jsFunction#");

        static void check(Query query) {
            Query full = query.cloneQuery();
            full.setPrefixMapping(new PrefixMappingImpl());
            if (CODE.matcher(full.serialize(Syntax.syntaxARQ)).find()) {
                throw new StoreException("a query may not name code to run (java: or JavaScript functions)");
            }
            boolean[] service = {false};
            OpWalker.walk(Algebra.compile(query),
                    new OpVisitorBase() {
                        @Override
                        public void visit(OpService op) {
                            service[0] = true;
                        }
                    });
            if (service[0]) {
                throw new StoreException("federated queries (SERVICE) are not run by this store");
            }
        }
    }
}

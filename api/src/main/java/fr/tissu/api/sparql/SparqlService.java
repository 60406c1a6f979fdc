package fr.tissu.api.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.http.Bodies;
import fr.tissu.api.http.Negotiation;
import fr.tissu.api.http.Problem;
import fr.tissu.api.linkeddata.RdfMedia;
import fr.tissu.store.QueryTimeoutException;
import io.helidon.common.media.type.MediaType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;

/**
 * The SPARQL 1.1 Protocol endpoint, query operation only, in Fuseki's shape: validate, then execute.
 * {@code GET /sparql?query=}, {@code POST} form or {@code application/sparql-query}; {@code default-graph-uri} and
 * {@code named-graph-uri} pick graphs; results by {@code Accept} or {@code format=}; the query page for browsers;
 * the service description without a query.
 *
 * <p>Example: {@code curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * {?s ?p ?o} LIMIT 3'
 * http://localhost:8080/sparql}
 */
public final class SparqlService implements HttpService {
    private static final System.Logger LOG = System.getLogger(SparqlService.class.getName());
    private static final List<MediaType> RESULT_TYPES = Stream.concat(
            ResultFormat.types(true).stream(), ResultFormat.types(false).stream()).toList();
    private static final String READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted";

    private final Instance tissu;
    private final SparqlConfig config;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    /** Queries running now, in this process: the gauge {@code tissu.sparql.running} of {@code /metrics}. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    static {
        // the registry the metrics endpoint shows; the service registry's MeterRegistry is a second instance in
        // Helidon 4.4 (helidon-io/helidon#11734), which logs warnings and shares Micrometer's registry with the first
        MetricsFactory.getInstance().globalRegistry().getOrCreate(Gauge.builder("tissu.sparql.running", RUNNING::get)
                .description("SPARQL queries running now"));
    }
    private final SparqlPage page;
    private final ServiceDescription description;

    /** The endpoint over {@code tissu}'s store. */
    public SparqlService(Instance tissu, SparqlConfig config) {
        this.tissu = tissu;
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrent());
        this.executor = Executors.newFixedThreadPool(config.maxConcurrent(),
                Thread.ofPlatform().name("sparql-", 1).daemon().factory());
        this.page = new SparqlPage(tissu);
        this.description = new ServiceDescription(tissu, config);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sparql", this::get)
                .post("/sparql", this::post) // other methods: 405 with Allow, from the routing's last rule
                .get("/sparql/examples.json", page::examples)
                .get("/sparql/assets/{file}", page::asset)
                .get("/.well-known/void", description::voidDescription);
    }

    private void get(ServerRequest req, ServerResponse res) {
        var params = req.query();
        if (params.contains("update")) {
            throw new Problem(Status.BAD_REQUEST_400, READ_ONLY);
        }
        List<String> queries = params.contains("query") ? params.all("query") : List.of();
        String format = params.first("format").orElse(null);
        if (queries.isEmpty() || (wantsHtml(req) && format == null)) {
            if (wantsHtml(req)) {
                page.page(req, res);
            } else {
                description.serviceDescription(req, res);
            }
            return;
        }
        run(req, res, queries, params.all("default-graph-uri", List::of), params.all("named-graph-uri", List::of),
                format);
    }

    private void post(ServerRequest req, ServerResponse res) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty()) {
            throw new Problem(Status.UNSUPPORTED_MEDIA_TYPE_415, "a POST needs a Content-Type: "
                    + "application/x-www-form-urlencoded or application/sparql-query");
        }
        String media = type.get().mediaType().text();
        var url = req.query();
        switch (media) {
            case "application/x-www-form-urlencoded" -> {
                Map<String, List<String>> form = form(Bodies.text(req));
                if (form.containsKey("update") || url.contains("update")) {
                    throw new Problem(Status.BAD_REQUEST_400, READ_ONLY);
                }
                run(req, res, form.getOrDefault("query", List.of()),
                        join(form.get("default-graph-uri"), url.all("default-graph-uri", List::of)),
                        join(form.get("named-graph-uri"), url.all("named-graph-uri", List::of)),
                        first(form.get("format"), url.first("format").orElse(null)));
            }
            case "application/sparql-query" -> {
                if (type.get().charset().filter(c -> !c.equalsIgnoreCase("utf-8")).isPresent()) {
                    throw new Problem(Status.UNSUPPORTED_MEDIA_TYPE_415,
                            "a SPARQL query must be sent in UTF-8");
                }
                if (url.contains("query")) {
                    throw new Problem(Status.BAD_REQUEST_400,
                            "send the query either in the body or as query=, not both");
                }
                run(req, res, List.of(Bodies.text(req)), url.all("default-graph-uri", List::of),
                        url.all("named-graph-uri", List::of), url.first("format").orElse(null));
            }
            case "application/sparql-update" -> throw new Problem(Status.BAD_REQUEST_400, READ_ONLY);
            default -> throw new Problem(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported Content-Type "
                    + media + ": use application/x-www-form-urlencoded or application/sparql-query");
        }
    }

    private void run(ServerRequest req, ServerResponse res, List<String> queries, List<String> defaultGraphs,
                     List<String> namedGraphs, String formatParam) {
        if (queries.size() != 1 || queries.get(0).isBlank()) {
            throw new Problem(Status.BAD_REQUEST_400, queries.isEmpty() || queries.get(0).isBlank()
                    ? "no query: send one in query= or in the body" : "one query per request");
        }
        Query query;
        try {
            query = QueryFactory.create(queries.get(0), Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            // JavaCC's message holds the position of the offending token; the exception's may be earlier.
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            var at = Pattern.compile("line (\\d+), column (\\d+)").matcher(message);
            boolean found = at.find();
            int line = found ? Integer.parseInt(at.group(1)) : e.getLine();
            int column = found ? Integer.parseInt(at.group(2)) : e.getColumn();
            throw new Problem(Status.BAD_REQUEST_400, "syntax error: " + message,
                    Map.of("line", line, "column", column));
        }
        QueryGuard.check(query);
        if (!defaultGraphs.isEmpty() || !namedGraphs.isEmpty()) {
            query.getGraphURIs().clear();
            query.getNamedGraphURIs().clear();
            defaultGraphs.forEach(query::addGraphURI);
            namedGraphs.forEach(query::addNamedGraphURI);
        }
        boolean tabular = query.isSelectType() || query.isAskType();
        Optional<ResultFormat> format = ResultFormat.choose(req, tabular, formatParam);
        if (format.isEmpty()) {
            List<String> offered = ResultFormat.of(tabular).stream().map(f -> f.type.text()).toList();
            throw new Problem(Status.NOT_ACCEPTABLE_406, "results of this query are available as "
                    + String.join(", ", offered), Map.of("available", offered));
        }
        boolean capped = !query.hasLimit() || query.getLimit() > config.maxRows();
        if (capped && query.isSelectType()) {
            query.setLimit(config.maxRows() + 1);
        } else if (capped && query.isConstructType()) {
            query.setLimit(config.maxRows());
        } else if (query.isDescribeType() && (!query.hasLimit() || query.getLimit() > MAX_DESCRIBED)) {
            // ARQ builds the description of every resource in memory before the first triple is written
            query.setLimit(MAX_DESCRIBED);
        }
        if (!slots.tryAcquire()) {
            throw new Problem(Status.TOO_MANY_REQUESTS_429, "too many queries are running ("
                    + config.maxConcurrent() + " at most); retry in a few seconds").header("Retry-After", "5");
        }
        long id = ids.incrementAndGet();
        long start = System.nanoTime();
        RUNNING.incrementAndGet();
        String outcome = "error";
        long rows = 0;
        ResponsePipe pipe = new ResponsePipe();
        AtomicReference<QueryExecution> execution = new AtomicReference<>();
        Future<Long> running;
        try {
            // Queries run on platform threads: a CPU-bound query on a virtual thread would hold its carrier, and
            // a few of them would stall every other request of the server. Their answer goes through the pipe;
            // the query's slot is freed when its thread is done, whatever happened to the request.
            running = executor.submit(() -> {
                try {
                    return tissu.store().execute(query, config.timeout(), qe -> {
                        execution.set(qe);
                        return write(res, pipe, qe, query, format.get(), capped);
                    });
                } finally {
                    pipe.end();
                    RUNNING.decrementAndGet();
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            RUNNING.decrementAndGet();
            slots.release();
            throw e;
        }
        // The timeout bounds the whole response, a client that stops reading included: past it (and a second for
        // the query's own timeout to answer first), the request's thread is interrupted, which closes the
        // connection if it is blocked sending. One state decides between the deadline and the end of the request,
        // so that no interrupt outlives the request (the thread serves the connection's next one).
        AtomicInteger state = new AtomicInteger(SENDING);
        Thread sender = Thread.currentThread();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            if (state.compareAndSet(SENDING, INTERRUPTING)) {
                sender.interrupt();
                state.set(INTERRUPTED);
            }
        }, config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        try {
            rows = send(res, pipe, running);
            outcome = "ok";
        } catch (QueryTimeoutException e) {
            outcome = "timeout";
            throw e;
        } finally {
            deadline.cancel(false);
            if (!state.compareAndSet(SENDING, DONE)) {
                while (state.get() != INTERRUPTED) {
                    Thread.onSpinWait();
                }
                Thread.interrupted(); // the deadline's interrupt, consumed here
            }
            pipe.abandon();
            QueryExecution qe = execution.get();
            if (!running.isDone() && qe != null) {
                qe.abort(); // stops it between rows and inside a regular expression; never an interrupt, which
                            // would close the store's file channels under it
            }
            LOG.log(System.Logger.Level.INFO, String.format("sparql query %d %s %d ms %d rows", id, outcome,
                    (System.nanoTime() - start) / 1_000_000, rows));
        }
    }

    private static final int SENDING = 0;
    private static final int DONE = 1;
    private static final int INTERRUPTING = 2;
    private static final int INTERRUPTED = 3;

    /** Interrupts requests whose response outlived the query timeout. */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("sparql-deadlines").daemon().factory());
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /**
     * Sends what the query's thread writes into {@code pipe}, on this (the request's) thread; the response is ended
     * only if the answer is whole. A query that failed before its first byte fails the request (its status says
     * why); one that failed after it, or a deadline, closes the connection: the client sees an incomplete answer,
     * never a complete-looking one.
     */
    private long send(ServerResponse res, ResponsePipe pipe, Future<Long> running) {
        OutputStream out = null;
        try {
            for (ResponsePipe.Chunk chunk = pipe.next(); ; chunk = pipe.next()) {
                if (ResponsePipe.broken(chunk)) {
                    try {
                        result(running); // the query's failure
                    } catch (RuntimeException e) {
                        if (out == null) {
                            throw e;
                        }
                        throw new CloseConnectionException("the answer failed after its first bytes", e);
                    }
                    throw new CloseConnectionException("the answer ended without being complete");
                }
                if (out == null) {
                    out = res.outputStream();
                }
                out.write(chunk.bytes());
                if (chunk.last()) {
                    break;
                }
                out.flush(); // more is coming: this much goes out now (the server would keep it to size the answer)
            }
            long rows = result(running);
            out.close();
            return rows;
        } catch (InterruptedException e) {
            if (out == null) {
                throw new QueryTimeoutException(config.timeout(), e);
            }
            throw new CloseConnectionException("the answer was cut at the timeout (" + config.timeout() + ")", e);
        } catch (IOException | UncheckedIOException e) {
            throw new CloseConnectionException("the client stopped reading or went away", e);
        }
    }

    /** The query's row count, once its thread is done (it is, or is about to be: its answer ended). */
    private static long result(Future<Long> running) throws InterruptedException {
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The most resources one DESCRIBE describes (its WHERE's solutions). */
    static final long MAX_DESCRIBED = 1000;

    private long write(ServerResponse res, ResponsePipe out, QueryExecution qe, Query query, ResultFormat format,
                       boolean capped) {
        try {
            if (query.isSelectType()) {
                ResultSet results = qe.execSelect();
                results.hasNext(); // computes the first row (or times out) before any byte is sent
                res.header(HeaderNames.CONTENT_TYPE, format.contentType());
                if (capped) {
                    res.header("Tissu-Row-Limit", Long.toString(config.maxRows()));
                }
                ResultWriter.Capped rows = new ResultWriter.Capped(results, config.maxRows());
                ResultWriter.select(out, format, results.getResultVars(), rows, config.maxRows());
                out.finish();
                if (rows.truncated) {
                    LOG.log(System.Logger.Level.INFO, "result cut at " + config.maxRows() + " rows");
                }
                return rows.rows;
            }
            if (query.isAskType()) {
                boolean answer = qe.execAsk();
                res.header(HeaderNames.CONTENT_TYPE, format.contentType());
                ResultWriter.ask(out, format, answer);
                out.finish();
                return 1;
            }
            var triples = query.isConstructType() ? qe.execConstructTriples() : qe.execDescribeTriples();
            triples.hasNext();
            res.header(HeaderNames.CONTENT_TYPE, format.contentType());
            res.header("Tissu-Triple-Limit", Long.toString(config.maxRows()));
            if (query.isDescribeType()) {
                res.header("Tissu-Describe-Limit", Long.toString(MAX_DESCRIBED));
            }
            ResultWriter.Written written = ResultWriter.graph(out, format, triples, config.maxRows());
            out.finish();
            if (written.truncated()) {
                LOG.log(System.Logger.Level.INFO, "graph cut at " + config.maxRows() + " triples");
            }
            return written.triples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser asking for the page: {@code Accept} names HTML ahead of every result type. */
    private static boolean wantsHtml(ServerRequest req) {
        return Negotiation.prefersHtml(req, RESULT_TYPES);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b);
        return all;
    }

    private static String first(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    /** The RDF media types a service description or VoID can be sent in. */
    static Optional<RdfMedia> rdfMedia(ServerRequest req) {
        Optional<RdfMedia> media = RdfMedia.choose(req);
        return media.filter(m -> m != RdfMedia.HTML).or(() -> media.isPresent() ? Optional.of(RdfMedia.TURTLE)
                : Optional.empty());
    }
}

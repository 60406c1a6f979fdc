package fr.tissu.api.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.ActivityListing;
import fr.tissu.api.domain.AssociationFilter;
import fr.tissu.api.domain.Charter;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.api.domain.IndicatorYears;
import fr.tissu.api.domain.LuceneFilters;
import fr.tissu.api.domain.Params;
import fr.tissu.search.Fields;
import fr.tissu.search.SearchRequest;
import fr.tissu.search.SearchResult;
import fr.tissu.store.QueryTimeoutException;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ActivitySnapshot;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Cursor;
import fr.tissu.store.read.Observation;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.store.read.Selection;
import fr.tissu.store.read.SupportPoint;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * The GraphQL schema wired to Tissu's data. Objects are the REST API's own representations (association details,
 * activity rows, places, indicators, observations), so both APIs say the same thing. Per request: a new
 * {@link DataLoaderRegistry} whose batch loaders each send one SPARQL query with {@code VALUES}, a store that
 * counts those queries, and limits on depth, complexity (page sizes multiplied down the tree), {@code first} and
 * time.
 */
public final class GraphQlEngine {
    /** Largest page. */
    public static final int MAX_FIRST = 100;
    /** Deepest query. */
    public static final int MAX_DEPTH = 12;
    /** Largest cost: each field costs 1, times the page size of the lists above it. */
    public static final int MAX_COMPLEXITY = 10_000;

    private final Instance tissu;
    private final IndicatorComparison comparison;
    private final GraphQL graphql;
    private final Duration timeout;

    /** The error classes this API reports, in {@code extensions.classification}. */
    enum Classification implements ErrorClassification {
        BAD_INPUT, NOT_FOUND, TIMEOUT, LIMIT
    }

    /** The engine over {@code tissu}'s read model, comparing indicators with {@code comparison}. */
    public GraphQlEngine(Instance tissu, IndicatorComparison comparison) {
        this.tissu = tissu;
        this.comparison = comparison;
        this.timeout = tissu.config().queryTimeout();
        TypeDefinitionRegistry types = new SchemaParser().parse(schemaText());
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring());
        this.graphql = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(
                        new DataDepthInstrumentation(MAX_DEPTH),
                        new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, (env, child) -> {
                            Object first = env.getArguments().get("first");
                            return 1 + child * (first instanceof Integer n ? Math.max(1, n) : 1);
                        }))))
                .defaultDataFetcherExceptionHandler(new Errors())
                .build();
    }

    /** The schema's SDL text (served at {@code /graphql/schema.graphqls}). */
    public static String schemaText() {
        try (InputStream in = GraphQlEngine.class.getResourceAsStream("schema.graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request's result and the number of store queries it sent. */
    public record Outcome(ExecutionResult result, int storeQueries) {
    }

    /** Runs one request. */
    public Outcome execute(String query, Map<String, Object> variables, String operationName) {
        CountingStore store = new CountingStore(tissu.store());
        Request request = new Request(store);
        ExecutionInput input = ExecutionInput.newExecutionInput(query)
                .variables(variables == null ? Map.of() : variables)
                .operationName(operationName)
                .dataLoaderRegistry(request.registry)
                .build();
        CompletableFuture<ExecutionResult> future = graphql.executeAsync(input);
        ExecutionResult result;
        try {
            result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message("the query ran longer than the limit of %d s", timeout.toSeconds())
                    .errorType(Classification.TIMEOUT).build()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Outcome(result, store.queries());
    }

    /** What one request shares between its fetchers: its counting store and data loaders. */
    private final class Request {
        final CountingStore store;
        final DataLoaderRegistry registry = new DataLoaderRegistry();

        Request(CountingStore store) {
            this.store = store;
            BatchLoader<String, Association> details = iris -> CompletableFuture.supplyAsync(() -> {
                Map<String, Association> found = new HashMap<>();
                Association.PROJECTION.read(store, Selection.things(iris), timeout, a -> found.putIfAbsent(a.iri(), a));
                return iris.stream().map(found::get).toList();
            }, Runnable::run);
            DataLoader<String, Association> associations = DataLoaderFactory.newDataLoader(details);
            BatchLoader<String, List<Observation>> byCommune = codes -> CompletableFuture.supplyAsync(() -> {
                Map<String, List<Observation>> found = new HashMap<>();
                String where = "VALUES ?area { " + Sparql.terms(codes.stream().map(c -> tissu.ids().commune(c))
                        .toList()) + "} ?s sdmxd:refArea ?area";
                Observation.PROJECTION.read(store, Selection.where(where), timeout,
                        o -> found.computeIfAbsent(o.commune(), k -> new ArrayList<>()).add(o));
                found.values().forEach(list -> list.sort(Comparator.comparing(Observation::indicator)
                        .thenComparing(o -> o.year() == null ? 0 : o.year())));
                return codes.stream().map(c -> found.getOrDefault(c, List.of())).toList();
            }, Runnable::run);
            DataLoader<String, List<Observation>> observations = DataLoaderFactory.newDataLoader(byCommune);
            registry.register("associations", associations);
            registry.register("observations", observations);
        }
    }

    /**
     * The request's association loader, taken from the environment (not from the registry directly): graphql-java
     * only dispatches the loads it sees this way at the end of each level.
     */
    private static DataLoader<String, Association> associations(DataFetchingEnvironment env) {
        return env.getDataLoader("associations");
    }

    /**
     * The RNA number an {@code association(id:, rna:)} names: {@code id} must be one of this instance's association
     * URIs and {@code rna} an RNA number ({@code W} and 9 characters); anything else is refused, never passed on.
     */
    private String associationKey(String id, String rna) {
        if (rna != null) {
            if (!rna.matches("W[0-9A-Z]{9}")) {
                throw new BadParameterException("rna", "an RNA number is W followed by 9 digits or capital letters");
            }
            return rna;
        }
        if (id == null) {
            return null;
        }
        String prefix = tissu.ids().base() + "/id/association/";
        String key = id.startsWith(prefix) ? id.substring(prefix.length()) : "";
        if (!key.matches("W[0-9A-Z]{9}")) {
            throw new BadParameterException("id", "not an association of this instance (expected " + prefix
                    + "W followed by 9 characters)");
        }
        return key;
    }

    /** A page of a connection. */
    public record Page(int totalCount, List<?> nodes, PageInfo pageInfo) {
    }

    /** Whether a page has a next one, and the cursor to get it. */
    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    private RuntimeWiring wiring() {
        return RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t
                        .dataFetcher("association", env -> {
                            String rna = associationKey(env.getArgument("id"), env.getArgument("rna"));
                            return rna == null ? null : associations(env).load(tissu.ids().association(rna).getURI());
                        })
                        .dataFetcher("activity", env -> {
                            ActivitySnapshot s = tissu.model().activities();
                            if (env.getArgument("key") != null) {
                                return s.byKey().get((String) env.getArgument("key"));
                            }
                            String id = env.getArgument("id");
                            return id == null ? null : s.byKey().get(id.substring(id.lastIndexOf('/') + 1));
                        })
                        .dataFetcher("commune", env -> ReferenceData.get().commune(env.getArgument("code")).orElse(null))
                        .dataFetcher("epci", env -> ReferenceData.get().epci(env.getArgument("siren")).orElse(null))
                        .dataFetcher("theme", env -> Vocabulary.get().theme(env.getArgument("code")).map(Node::getURI)
                                .orElse(null))
                        .dataFetcher("associations", env -> associations(env, null))
                        .dataFetcher("activities", env -> activities(env, null, null))
                        .dataFetcher("supportPoints", env -> supportPoints(env, env.getArgument("communes")))
                        .dataFetcher("axes", env -> Charter.axes())
                        .dataFetcher("indicator", env -> Charter.indicator(env.getArgument("code")).orElse(null))
                        .dataFetcher("search", this::search))
                .type("Association", t -> t
                        .dataFetcher("id", env -> association(env).iri())
                        .dataFetcher("founded", env -> text(association(env).founded()))
                        .dataFetcher("dissolved", env -> text(association(env).dissolved()))
                        .dataFetcher("commune", env -> communeOf(association(env).commune()))
                        .dataFetcher("activities", env -> activities(env, null, association(env).iri())))
                .type("Activity", t -> t
                        .dataFetcher("id", env -> row(env).iri())
                        .dataFetcher("key", env -> row(env).key())
                        .dataFetcher("organizer", env -> associations(env).load(row(env).organizer()))
                        .dataFetcher("commune", env -> ReferenceData.get().commune(row(env).commune()).orElse(null))
                        .dataFetcher("themes", env -> row(env).themes())
                        .dataFetcher("schedule", env -> row(env))
                        .dataFetcher("nextOccurrence", env -> Optional.ofNullable(row(env)
                                .firstOccurrence(LocalDate.now(), null)).map(LocalDate::toString).orElse(null))
                        .dataFetcher("price", env -> row(env).price() == null ? null : row(env).price().doubleValue())
                        .dataFetcher("languages", env -> row(env).languages())
                        .dataFetcher("place", env -> row(env).place()))
                .type("Place", t -> t
                        .dataFetcher("id", env -> ((Activity.Place) env.getSource()).iri()))
                .type("Schedule", t -> t
                        .dataFetcher("days", env -> row(env).days().stream()
                                .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList())
                        .dataFetcher("startTime", env -> row(env).start().toString())
                        .dataFetcher("endTime", env -> row(env).end().toString())
                        .dataFetcher("seasonStart", env -> row(env).seasonStart() == null ? null
                                : row(env).seasonStart().toString())
                        .dataFetcher("seasonEnd", env -> row(env).seasonEnd() == null ? null
                                : row(env).seasonEnd().toString()))
                .type("SupportPoint", t -> t
                        .dataFetcher("id", env -> ((SupportPoint) env.getSource()).iri())
                        .dataFetcher("commune", env -> communeOf(((SupportPoint) env.getSource()).commune())))
                .type("Commune", t -> t
                        .dataFetcher("id", env -> tissu.ids().commune(commune(env).code()).getURI())
                        .dataFetcher("population", env -> integer(commune(env).population()))
                        .dataFetcher("epci", env -> commune(env).epci() == null ? null
                                : ReferenceData.get().epci(commune(env).epci()).orElse(null))
                        .dataFetcher("departement", env -> departement(commune(env).departement()))
                        .dataFetcher("associations", env -> associations(env, commune(env).code()))
                        .dataFetcher("activities", env -> activities(env, commune(env).code(), null))
                        .dataFetcher("supportPoints", env -> supportPoints(env, List.of(commune(env).code())))
                        .dataFetcher("indicators", env -> {
                            Integer year = env.getArgument("year");
                            String origin = env.getArgument("origin") == null ? null
                                    : env.getArgument("origin").toString().toLowerCase(Locale.ROOT);
                            return env.<String, List<Observation>>getDataLoader("observations")
                                    .load(commune(env).code()).thenApply(list -> list.stream()
                                            .filter(o -> year == null || year.equals(o.year()))
                                            .filter(o -> origin == null || origin.equals(o.origin())).toList());
                        })
                        .dataFetcher("compare", env -> {
                            String group = env.getArgument("group") == null ? "epci"
                                    : env.getArgument("group").toString().toLowerCase(Locale.ROOT).replace('_', '-');
                            Integer year = env.getArgument("year");
                            if (year != null) {
                                IndicatorYears.check(year.toString());
                            }
                            return comparison.compare(env.getArgument("indicator"), commune(env).code(), group, year,
                                    env.getArgument("origin") == null ? null
                                            : env.getArgument("origin").toString().toLowerCase(Locale.ROOT));
                        }))
                .type("Comparison", t -> t
                        .dataFetcher("indicator", env -> Charter.indicator(
                                (String) ((Map<?, ?>) map(env).get("indicator")).get("code")).orElse(null)))
                .type("ComparedGroup", t -> t
                        .dataFetcher("kind", env -> map(env).get("kind").toString().toUpperCase(Locale.ROOT)
                                .replace('-', '_')))
                .type("ComparedCommune", t -> t
                        .dataFetcher("commune", env -> ReferenceData.get().commune((String) map(env).get("code"))
                                .orElse(null))
                        .dataFetcher("origin", env -> map(env).get("origin") == null ? null
                                : map(env).get("origin").toString().toUpperCase(Locale.ROOT)))
                .type("Epci", t -> t
                        .dataFetcher("id", env -> tissu.ids().thing("epci", epci(env).siren()).getURI())
                        .dataFetcher("communes", env -> epci(env).members().stream()
                                .map(c -> ReferenceData.get().commune(c).orElse(null))
                                .filter(Objects::nonNull).toList()))
                .type("Theme", t -> t
                        .dataFetcher("id", env -> env.getSource())
                        .dataFetcher("code", env -> code(env.getSource()))
                        .dataFetcher("labelFr", env -> label(env.getSource(), "fr"))
                        .dataFetcher("labelEn", env -> label(env.getSource(), "en"))
                        .dataFetcher("broader", env -> related(env.getSource(), Vocab.Skos.broader, false).stream()
                                .findFirst().orElse(null))
                        .dataFetcher("narrower", env -> related(env.getSource(), Vocab.Skos.broader, true)))
                .type("Axis", t -> t
                        .dataFetcher("labelFr", env -> env.<Charter.Axis>getSource().label().get("fr"))
                        .dataFetcher("labelEn", env -> env.<Charter.Axis>getSource().label().get("en"))
                        .dataFetcher("indicators", env -> env.<Charter.Axis>getSource().indicators()))
                .type("Indicator", t -> t
                        .dataFetcher("labelFr", env -> env.<Charter.Indicator>getSource().label().get("fr"))
                        .dataFetcher("labelEn", env -> env.<Charter.Indicator>getSource().label().get("en")))
                .type("Commitment", t -> t
                        .dataFetcher("definitionFr", env -> env.<Charter.Commitment>getSource().definition().get("fr"))
                        .dataFetcher("definitionEn", env -> env.<Charter.Commitment>getSource().definition().get("en")))
                .type("Observation", t -> t
                        .dataFetcher("id", env -> observation(env).iri())
                        .dataFetcher("indicator", env -> Charter.indicator(observation(env).indicator()).orElse(null))
                        .dataFetcher("value", env -> observation(env).value().doubleValue())
                        .dataFetcher("origin", env -> observation(env).origin().toUpperCase(Locale.ROOT)))
                .type("SearchHit", t -> t
                        .dataFetcher("id", env -> hit(env).uri())
                        .dataFetcher("type", env -> hit(env).type().toUpperCase(Locale.ROOT).replace('-', '_'))
                        .dataFetcher("association", env -> hit(env).type().equals("association")
                                ? associations(env).load(hit(env).uri()) : null)
                        .dataFetcher("activity", env -> hit(env).type().equals("activity")
                                ? tissu.model().activities().byKey().get(hit(env).key()) : null))
                .build();
    }

    // --- connections ---------------------------------------------------------------------------------------

    /** Activities of a commune, of an organiser, or all, with the REST list's filter and order. */
    private Page activities(DataFetchingEnvironment env, String commune, String organizer) {
        Params params = activityParams(env.getArgument("filter"), commune);
        ActivityFilter filter = ActivityFilter.parse(params, LocalDate.now());
        var text = ActivityListing.withText(tissu.index(), filter, params.one("q"));
        filter = text.getKey();
        String order = env.getArgument("orderBy") == null ? "TITLE" : env.getArgument("orderBy").toString();
        String sort = switch (order) {
            case "START" -> "start";
            case "PRICE" -> "price";
            case "DISTANCE" -> "distance";
            default -> "title";
        };
        if (sort.equals("distance") && filter.near() == null) {
            throw new BadParameterException("orderBy", "DISTANCE needs filter.near");
        }
        ActivitySnapshot snapshot = tissu.model().activities();
        ActivityFilter f = filter;
        // an organiser's activities: from its own list (in title order), not by scanning every activity
        List<Activity> matching = organizer == null ? filter.in(snapshot)
                : snapshot.byOrganizer().getOrDefault(organizer, List.of()).stream().filter(f)
                        .collect(Collectors.toCollection(ArrayList::new));
        ActivityListing.Sorted scoped = ActivityListing.sorted(matching, filter, sort, text.getValue());
        List<Activity> rows = scoped.rows();
        int first = first(env);
        String after = env.getArgument("after");
        int start = scoped.startAfter(after);
        int end = Math.min(rows.size(), start + first);
        boolean more = end < rows.size();
        return new Page(rows.size(), rows.subList(start, end), new PageInfo(more, end > start ? scoped.cursor(end - 1)
                : null));
    }

    /** Associations from the search index (filters compiled to Lucene), details in one batched store query. */
    private CompletableFuture<Page> associations(DataFetchingEnvironment env, String commune) {
        Map<String, Object> input = env.getArgument("filter") == null ? Map.of() : env.getArgument("filter");
        Map<String, List<String>> raw = new LinkedHashMap<>();
        put(raw, "theme", input.get("themes"));
        put(raw, "status", input.get("status"));
        put(raw, "created-after", input.get("createdAfter"));
        put(raw, "created-before", input.get("createdBefore"));
        put(raw, "q", input.get("q"));
        put(raw, "commune", commune);
        AssociationFilter filter = AssociationFilter.parse(new Params(raw, AssociationFilter.PARAMETERS));
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "association")), BooleanClause.Occur.FILTER);
        Query compiled = LuceneFilters.association(filter);
        if (compiled != null) {
            q.add(compiled, BooleanClause.Occur.FILTER);
        }
        SearchResult found = search(new SearchRequest(raw.containsKey("q") ? raw.get("q").get(0) : "", q.build(),
                first(env), env.getArgument("after"), null, false, List.of(), false, true));
        List<String> iris = found.hits().stream().map(SearchResult.Hit::uri).toList();
        return associations(env).loadMany(iris).thenApply(nodes -> new Page((int) found.total(),
                nodes.stream().filter(Objects::nonNull).toList(),
                new PageInfo(found.next() != null, found.next())));
    }

    private Page supportPoints(DataFetchingEnvironment env, List<String> communes) {
        List<SupportPoint> all = tissu.model().supportPoints().items().stream().filter(p -> communes == null
                || communes.contains(p.commune())).toList();
        List<String> after = Params.after(env.getArgument("after"), 1);
        int start = Cursor.startAfter(all, SupportPoint::key, Comparator.naturalOrder(), after == null ? null
                : after.get(0));
        int end = Math.min(all.size(), start + first(env));
        String cursor = end > start ? Cursor.of(all.get(end - 1).key()) : null;
        return new Page(all.size(), all.subList(start, end), new PageInfo(end < all.size(), cursor));
    }

    private CompletableFuture<Page> search(DataFetchingEnvironment env) {
        List<String> types = env.getArgument("types") == null ? List.of() : ((List<?>) env.getArgument("types"))
                .stream().map(o -> o.toString().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        Params params = activityParams(env.getArgument("filter"), null);
        ActivityFilter filter = ActivityFilter.parse(params, LocalDate.now());
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        if (!types.isEmpty()) {
            BooleanQuery.Builder t = new BooleanQuery.Builder();
            types.forEach(type -> t.add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.SHOULD));
            q.add(t.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        Query compiled = LuceneFilters.activity(filter);
        if (compiled != null) {
            q.add(compiled, BooleanClause.Occur.FILTER);
            any = true;
        }
        Query combined = any ? q.build() : null;
        SearchResult found = search(new SearchRequest(env.getArgument("q"), combined, first(env),
                env.getArgument("after"), null, false, List.of(), false, true));
        return CompletableFuture.completedFuture(new Page((int) found.total(), found.hits(),
                new PageInfo(found.next() != null, found.next())));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** GraphQL's activity filter input as the REST parameters, for the shared parser. */
    private static Params activityParams(Map<String, Object> input, String commune) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        if (input != null) {
            put(raw, "commune", input.get("communes"));
            put(raw, "epci", input.get("epcis"));
            put(raw, "theme", input.get("themes"));
            put(raw, "day", input.get("days"));
            put(raw, "from", input.get("from"));
            put(raw, "to", input.get("to"));
            put(raw, "age", input.get("age"));
            put(raw, "free", input.get("free"));
            put(raw, "max-price", input.get("maxPrice"));
            put(raw, "accessible", input.get("accessible"));
            put(raw, "lang", input.get("languages"));
            put(raw, "q", input.get("q"));
            put(raw, "starts-after", input.get("startsAfter"));
            put(raw, "starts-before", input.get("startsBefore"));
            if (input.get("near") instanceof Map<?, ?> near) {
                put(raw, "near", near.get("lat") + "," + near.get("lon"));
                put(raw, "radius", near.get("radius"));
            }
        }
        if (commune != null) {
            raw.computeIfAbsent("commune", k -> new ArrayList<>()).clear();
            raw.get("commune").add(commune);
        }
        return new Params(raw, ActivityFilter.PARAMETERS);
    }

    private static void put(Map<String, List<String>> raw, String name, Object value) {
        if (value instanceof List<?> list) {
            if (!list.isEmpty()) {
                raw.put(name, new ArrayList<>(list.stream().map(String::valueOf).toList()));
            }
        } else if (value != null) {
            raw.put(name, new ArrayList<>(List.of(value instanceof Double d && d == Math.rint(d)
                    ? Long.toString(d.longValue()) : String.valueOf(value))));
        }
    }

    /** A search on the index; a cursor it does not recognise is a bad {@code after}. */
    private SearchResult search(SearchRequest request) {
        try {
            return tissu.index().search(request);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("after", "not a cursor of this connection");
        }
    }

    private static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        if (first == null) {
            return 20;
        }
        if (first < 0 || first > MAX_FIRST) {
            throw new BadParameterException("first", "between 0 and " + MAX_FIRST + " (limit: maximum first)");
        }
        return first;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(DataFetchingEnvironment env) {
        return (Map<String, Object>) env.getSource();
    }

    private static Activity row(DataFetchingEnvironment env) {
        return (Activity) env.getSource();
    }

    private static Observation observation(DataFetchingEnvironment env) {
        return (Observation) env.getSource();
    }

    private static Association association(DataFetchingEnvironment env) {
        return (Association) env.getSource();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ReferenceData.Commune commune(DataFetchingEnvironment env) {
        return (ReferenceData.Commune) env.getSource();
    }

    private static ReferenceData.Epci epci(DataFetchingEnvironment env) {
        return (ReferenceData.Epci) env.getSource();
    }

    private static SearchResult.Hit hit(DataFetchingEnvironment env) {
        return (SearchResult.Hit) env.getSource();
    }

    private static Object communeOf(String code) {
        return code == null ? null : ReferenceData.get().commune(code).orElse(null);
    }

    private Map<String, Object> departement(String code) {
        if (code == null) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", tissu.ids().thing("departement", code).getURI());
        d.put("code", code);
        d.put("name", ReferenceData.get().departementName(code));
        return d;
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }



    private static String code(Object themeUri) {
        String uri = themeUri.toString();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String themeUri(Object codeOrUri) {
        String s = codeOrUri.toString();
        return s.contains("/") ? s : Tissu.BASE + "theme/" + s;
    }

    private static String label(Object theme, String lang) {
        Node node = NodeFactory.createURI(themeUri(theme));
        return Vocabulary.get().schemes().find(node, Vocab.Skos.prefLabel, Node.ANY)
                .filterKeep(t -> t.getObject().getLiteralLanguage().equals(lang))
                .mapWith(t -> t.getObject().getLiteralLexicalForm()).nextOptional().orElse(code(theme));
    }

    private static List<String> related(Object theme, Node property, boolean inverse) {
        Node node = NodeFactory.createURI(themeUri(theme));
        var g = Vocabulary.get().schemes();
        return (inverse ? g.find(Node.ANY, property, node).mapWith(t -> t.getSubject().getURI())
                : g.find(node, property, Node.ANY).mapWith(t -> t.getObject().getURI())).toList().stream().sorted()
                .toList();
    }

    /** Errors as GraphQL errors with a classification; a bad argument names the argument, never a 500. */
    private static final class Errors implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                graphql.execution.DataFetcherExceptionHandlerParameters p) {
            Throwable e = p.getException();
            while (e instanceof CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(p.getDataFetchingEnvironment());
            if (e instanceof BadParameterException bad) {
                error.message("%s: %s", bad.parameter(), bad.getMessage()).errorType(Classification.BAD_INPUT)
                        .extensions(Map.of("classification", "BAD_INPUT", "argument", bad.parameter()));
            } else if (e instanceof QueryTimeoutException) {
                error.message("the store did not answer in time").errorType(Classification.TIMEOUT)
                        .extensions(Map.of("classification", "TIMEOUT"));
            } else {
                System.getLogger(GraphQlEngine.class.getName()).log(System.Logger.Level.ERROR, "GraphQL fetch failed", e);
                error.message("internal error: %s", e.getClass().getSimpleName());
            }
            GraphQLError built = error.build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(built).build());
        }
    }
}

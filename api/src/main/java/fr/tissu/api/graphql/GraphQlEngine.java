package fr.tissu.api.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.IndicatorComparison;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The GraphQL endpoint's engine: the schema ({@code schema.graphqls}) wired by {@link Wiring} to the read model's
 * records, so that GraphQL and REST say the same thing. Per request: new data loaders ({@link Loaders}), each
 * sending one SPARQL query with {@code VALUES} per level, a store that counts those queries, and limits on depth,
 * complexity (page sizes multiplied down the tree), {@code first} and time; errors are classified by
 * {@link Errors}.
 */
public final class GraphQlEngine {
    /** Largest page. */
    public static final int MAX_FIRST = 100;
    /** Deepest query. */
    public static final int MAX_DEPTH = 12;
    /** Largest cost: each field costs 1, times the page size of the lists above it. */
    public static final int MAX_COMPLEXITY = 10_000;

    private final Instance tissu;
    private final GraphQL graphql;
    private final Duration timeout;

    /** The engine over {@code tissu}'s read model, comparing indicators with {@code comparison}. */
    public GraphQlEngine(Instance tissu, IndicatorComparison comparison) {
        this.tissu = tissu;
        this.timeout = tissu.config().queryTimeout();
        TypeDefinitionRegistry types = new SchemaParser().parse(schemaText());
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, new Wiring(tissu, comparison).build());
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
        ExecutionInput input = ExecutionInput.newExecutionInput(query)
                .variables(variables == null ? Map.of() : variables)
                .operationName(operationName)
                .dataLoaderRegistry(Loaders.forRequest(tissu, store, timeout))
                .build();
        CompletableFuture<ExecutionResult> future = graphql.executeAsync(input);
        ExecutionResult result;
        try {
            result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message("the query ran longer than the limit of %d s", timeout.toSeconds())
                    .errorType(Errors.Classification.TIMEOUT).build()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Outcome(result, store.queries());
    }
}

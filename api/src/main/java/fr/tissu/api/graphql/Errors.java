package fr.tissu.api.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.store.QueryTimeoutException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;

/** Errors as GraphQL errors with a classification; a bad argument names the argument, never a 500. */
final class Errors implements DataFetcherExceptionHandler {
    /** The error classes this API reports, in {@code extensions.classification}. */
    enum Classification implements ErrorClassification {
        BAD_INPUT, NOT_FOUND, TIMEOUT, LIMIT
    }

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
        } else if (e instanceof IllegalArgumentException bad) { // what the REST API answers with a 400
            error.message("%s", bad.getMessage()).errorType(Classification.BAD_INPUT)
                    .extensions(Map.of("classification", "BAD_INPUT"));
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

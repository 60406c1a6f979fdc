package fr.tissu.api.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The depth limit on data: a request nesting data fields deeper than the limit is refused before it runs, while
 * introspection ({@code __schema}, {@code __type} and what they hold) does not count. The standard introspection
 * query that GraphiQL, Apollo, Postman and code generators send nests its type references 15 levels deep; it reads
 * the schema, not the store.
 */
final class DataDepthInstrumentation extends SimplePerformantInstrumentation {
    private final int maxDepth;

    DataDepthInstrumentation(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        int depth = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .reducePreOrder((env, deepest) -> Math.max(dataDepth(env), deepest), 0);
        if (depth > maxDepth) {
            throw new AbortExecutionException("maximum query depth exceeded " + depth + " > " + maxDepth);
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** The field's depth, or 0 for a field of introspection (itself or below {@code __schema}/{@code __type}). */
    private static int dataDepth(QueryVisitorFieldEnvironment env) {
        int depth = 0;
        for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
            if (at.getField().getName().startsWith("__")) {
                return 0;
            }
            depth++;
        }
        return depth;
    }
}

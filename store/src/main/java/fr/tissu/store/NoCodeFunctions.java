package fr.tissu.store;

import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Function registries for a store's queries that never load code named by the query: ARQ loads a {@code java:}
 * URI's class as a filter function or property function on first use, and runs JavaScript functions; a public
 * endpoint must do neither, wherever the function appears (filters, aggregates, ORDER BY, BIND, triple patterns).
 * Everything else is looked up in ARQ's registries as usual (the standard library, {@code tissu:search}).
 */
public final class NoCodeFunctions {
    private static final String JS = "http://jena.apache.org/ARQ/jsFunction#";

    private NoCodeFunctions() {
    }

    /** Whether {@code uri} names code of the query's choosing. */
    public static boolean denied(String uri) {
        return uri != null && (uri.regionMatches(true, 0, "java:", 0, 5) || uri.startsWith(JS));
    }

    /** Installs the registries in {@code context} (a dataset's: every query on it uses them). */
    static void install(Context context) {
        FunctionRegistry.set(context, new FunctionRegistry() {
            @Override
            @SuppressWarnings("removal") // overridden so that no caller, old or new, reaches ARQ's class loading
            public FunctionFactory get(String uri) {
                return getFunctionFactory(uri);
            }

            @Override
            public FunctionFactory getFunctionFactory(String uri) {
                return denied(uri) ? null : FunctionRegistry.get().getFunctionFactory(uri);
            }

            @Override
            public boolean isRegistered(String uri) {
                return !denied(uri) && FunctionRegistry.get().isRegistered(uri);
            }
        });
        PropertyFunctionRegistry.set(context, new PropertyFunctionRegistry() {
            @Override
            public boolean manages(String uri) {
                return !denied(uri) && PropertyFunctionRegistry.get().manages(uri);
            }

            @Override
            public PropertyFunctionFactory get(String uri) {
                return denied(uri) ? null : PropertyFunctionRegistry.get().get(uri);
            }

            @Override
            public boolean isRegistered(String uri) {
                return !denied(uri) && PropertyFunctionRegistry.get().isRegistered(uri);
            }
        });
    }
}

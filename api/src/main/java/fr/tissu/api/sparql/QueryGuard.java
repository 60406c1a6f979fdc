package fr.tissu.api.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * What a public, read-only endpoint refuses before running a query: federation ({@code SERVICE}) and functions
 * that would run code of the caller's choosing ({@code java:} classes, scripting).
 */
final class QueryGuard {
    private QueryGuard() {
    }

    /** Throws {@link IllegalArgumentException} with the reason when the query is not allowed here. */
    static void check(Query query) {
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                throw new IllegalArgumentException("SERVICE (federated query) is disabled on this endpoint");
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f) {
                    String iri = f.getFunctionIRI();
                    if (iri.startsWith("java:") || iri.startsWith("http://jena.apache.org/ARQ/jsFunction#")) {
                        throw new IllegalArgumentException("function <" + iri + "> is not available on this endpoint");
                    }
                }
            }
        });
    }
}

package fr.tissu.api.sparql;

import fr.tissu.store.NoCodeFunctions;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;

/**
 * What a public, read-only endpoint refuses before running a query, with a 400 that says why: federation
 * ({@code SERVICE}) and code of the caller's choosing ({@code java:} classes, scripts) as a function anywhere —
 * filters, BIND, projections, aggregates, ORDER BY, GROUP BY, HAVING — or as a property. The store's own function
 * registries ({@link NoCodeFunctions}) would not run such code anyway; this says so instead of answering unbound.
 */
final class QueryGuard {
    private QueryGuard() {
    }

    /** Throws {@link IllegalArgumentException} with the reason when the query is not allowed here. */
    static void check(Query query) {
        Op op = Algebra.compile(query);
        // a transform, not a walker: it also reaches the expressions of aggregates and sort conditions
        Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpService service, Op sub) {
                throw new IllegalArgumentException("SERVICE (federated query) is disabled on this endpoint");
            }

            @Override
            public Op transform(OpBGP bgp) {
                bgp.getPattern().forEach(t -> property(t.getPredicate()));
                return super.transform(bgp);
            }

            @Override
            public Op transform(OpTriple triple) {
                Triple t = triple.getTriple();
                property(t.getPredicate());
                return super.transform(triple);
            }

            @Override
            public Op transform(OpPath path) {
                property(path.getTriplePath().getPredicate());
                return super.transform(path);
            }
        }, new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Function f && NoCodeFunctions.denied(f.getFunctionIRI())) {
                    throw new IllegalArgumentException("function <" + f.getFunctionIRI()
                            + "> is not available on this endpoint");
                }
                return super.transform(func, args);
            }
        }, op);
    }

    private static void property(Node predicate) {
        if (predicate != null && predicate.isURI() && NoCodeFunctions.denied(predicate.getURI())) {
            throw new IllegalArgumentException("property function <" + predicate.getURI()
                    + "> is not available on this endpoint");
        }
    }
}

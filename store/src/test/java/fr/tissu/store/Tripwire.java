package fr.tissu.store;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterNullIterator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.pfunction.PFuncSimple;

/** Code a query could name as {@code java:fr.tissu.store.Tripwire}: it counts the times it ran. */
public final class Tripwire extends FunctionBase1 {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public NodeValue exec(NodeValue v) {
        RUNS.incrementAndGet();
        return NodeValue.makeInteger(1);
    }

    /** The same as a property function, {@code java:fr.tissu.store.Tripwire$Property}. */
    public static final class Property extends PFuncSimple {
        @Override
        public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, Node object,
                                           ExecutionContext cxt) {
            RUNS.incrementAndGet();
            return QueryIterNullIterator.create(cxt);
        }
    }
}

package fr.tissu.search;

import java.util.ArrayList;
import java.util.List;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Tissu;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.Table;
import org.apache.jena.sparql.algebra.TableFactory;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.optimize.TransformPropertyFunction;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * {@code tissu:search}, full-text search inside SPARQL, on the same index and analysis as the REST search:
 * <pre>
 *   ?thing tissu:search "judo enfants" .
 *   (?thing ?score) tissu:search ("judo enfants" 20 "activity") .   # text, limit (default 1000), type
 * </pre>
 * Results come best first; join them with any graph pattern.
 */
public final class TextSearch extends PropertyFunctionBase {
    /** The property. */
    public static final String IRI = Tissu.NS + "search";
    /** Where the index is found in a query's context. */
    public static final Symbol INDEX = Symbol.create(Tissu.NS + "searchIndex");
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    /** Registers the property function (once) and makes {@code index} the one queries on {@code store} use. */
    public static void attach(Store store, SearchIndex index) {
        synchronized (TextSearch.class) {
            if (!PropertyFunctionRegistry.get().isRegistered(IRI)) {
                PropertyFunctionRegistry.get().put(IRI, TextSearch.class);
            }
        }
        if (store.context() != null) {
            store.context().set(INDEX, index);
        } else {
            store.rewriteQueries(query -> inline(query, index));
        }
    }

    /**
     * The query with each {@code tissu:search} replaced by its results, as a {@code VALUES} table joined where the
     * search stood: how text search works on a store whose queries run on another engine (the index is here). The
     * search's text, limit and type must then be written in the query, not bound by it. A query without
     * {@code tissu:search} is returned as it is.
     */
    public static org.apache.jena.query.Query inline(org.apache.jena.query.Query query, SearchIndex index) {
        if (query.getQueryPattern() == null) {
            return query;
        }
        Context context = ARQ.getContext().copy();
        context.set(INDEX, index);
        Op pattern = Algebra.compile(query.getQueryPattern());
        Op withFunctions = TransformPropertyFunction.transform(pattern, context);
        boolean[] found = {false};
        Op inlined = Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpPropFunc op, Op sub) {
                if (!op.getProperty().isURI() || !IRI.equals(op.getProperty().getURI())) {
                    return super.transform(op, sub);
                }
                found[0] = true;
                return OpJoin.create(sub, OpTable.create(results(op, context)));
            }
        }, withFunctions);
        if (!found[0]) {
            return query;
        }
        org.apache.jena.query.Query rewritten = query.cloneQuery();
        rewritten.setQueryPattern(OpAsQuery.asElement(inlined));
        return rewritten;
    }

    private static Table results(OpPropFunc op, Context context) {
        TextSearch search = new TextSearch();
        ExecutionContext cxt = ExecutionContext.create(context);
        PropFuncArg subject = op.getSubjectArgs();
        PropFuncArg object = op.getObjectArgs();
        for (Node n : object.isList() ? object.getArgList() : List.of(object.getArg())) {
            if (n.isVariable()) {
                throw new QueryBuildException("tissu:search: on this store (remote), the text, limit and type are "
                        + "written in the query, not bound by it");
            }
        }
        search.build(subject, op.getProperty(), object, cxt);
        List<Var> vars = new ArrayList<>();
        for (Node n : subject.isList() ? subject.getArgList() : List.of(subject.getArg())) {
            if (n.isVariable()) {
                vars.add(Var.alloc(n));
            }
        }
        Table table = TableFactory.create(vars);
        QueryIterator rows = search.exec(BindingFactory.empty(), subject, op.getProperty(), object, cxt);
        rows.forEachRemaining(table::addBinding);
        rows.close();
        return table;
    }

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        if (subject.isList() && (subject.getArgListSize() < 1 || subject.getArgListSize() > 2)) {
            throw new QueryBuildException("tissu:search: the subject is ?thing or (?thing ?score)");
        }
        if (object.isList() && (object.getArgListSize() < 1 || object.getArgListSize() > 3)) {
            throw new QueryBuildException("tissu:search: the object is \"text\" or (\"text\" limit \"type\")");
        }
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object,
                              ExecutionContext cxt) {
        SearchIndex index = cxt.getContext().get(INDEX);
        if (index == null) {
            throw new QueryExecException("tissu:search: this store has no search index");
        }
        List<Node> args = object.isList() ? object.getArgList() : List.of(object.getArg());
        Node text = value(args.get(0), binding);
        if (!text.isLiteral()) {
            throw new QueryExecException("tissu:search: the text must be a string");
        }
        int limit = DEFAULT_LIMIT;
        if (args.size() > 1) {
            Node n = value(args.get(1), binding);
            if (!n.isLiteral() || !(n.getLiteralValue() instanceof Number number)) {
                throw new QueryExecException("tissu:search: the limit must be a number");
            }
            limit = Math.max(1, Math.min(MAX_LIMIT, number.intValue()));
        }
        Query filter = null;
        if (args.size() > 2) {
            Node type = value(args.get(2), binding);
            filter = new TermQuery(new Term(Fields.TYPE,
                    type.isLiteral() ? type.getLiteralLexicalForm() : type.toString()));
        }
        SearchResult result = index.search(new SearchRequest(text.getLiteralLexicalForm(), filter, limit, null, null,
                false, List.of(), false));
        Node thing = value(subject.isList() ? subject.getArg(0) : subject.getArg(), binding);
        Node score = subject.isList() && subject.getArgListSize() > 1 ? value(subject.getArg(1), binding) : null;
        List<Binding> out = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            Node uri = NodeFactory.createURI(hit.uri());
            Node s = NodeFactory.createLiteralDT(Float.toString(hit.score()), XSDDatatype.XSDfloat);
            BindingBuilder b = BindingBuilder.create(binding);
            if (!bind(b, thing, uri) || (score != null && !bind(b, score, s))) {
                continue;
            }
            out.add(b.build());
        }
        return QueryIterPlainWrapper.create(out.iterator(), cxt);
    }

    private static Node value(Node n, Binding binding) {
        return n.isVariable() && binding.contains(Var.alloc(n)) ? binding.get(Var.alloc(n)) : n;
    }

    /** Binds a variable, or checks that a concrete term is the value. */
    private static boolean bind(BindingBuilder b, Node target, Node value) {
        if (target.isVariable()) {
            b.add(Var.alloc(target), value);
            return true;
        }
        return target.equals(value);
    }
}

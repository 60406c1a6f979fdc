package fr.tissu.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL's {@code REGEX} and {@code REPLACE}, evaluated so that a query's timeout stops a match in progress. ARQ
 * checks its timeout between solutions, and Java's regular expressions cannot be interrupted: one back-referencing
 * pattern on 31 characters ({@code ^(a+)+\1$}) ran 52 s past a 30 s timeout. Here the text is matched through a
 * {@link CharSequence} that looks at the query's cancel signal (set by ARQ at the timeout) as the matcher reads it,
 * and ends the query as cancelled. Same results as ARQ's own functions otherwise: same pattern syntax and flags
 * ({@link RegexEngine#makePattern}), same argument checks.
 */
final class BoundedRegex implements Function {
    static final String REGEX = "urn:tissu:function:regex";
    static final String REPLACE = "urn:tissu:function:replace";

    static {
        FunctionRegistry.get().put(REGEX, uri -> new BoundedRegex());
        FunctionRegistry.get().put(REPLACE, uri -> new BoundedRegex());
    }

    private boolean replace;
    /** The pattern, where it is a constant of the query; else compiled per call. */
    private Pattern constant;

    /** {@code query} with every {@code REGEX} and {@code REPLACE} evaluated by this class. */
    static Query rewrite(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex) {
                    return new E_Function(REGEX, args);
                }
                if (func instanceof E_StrReplace) {
                    return new E_Function(REPLACE, args);
                }
                return super.transform(func, args);
            }
        });
    }

    @Override
    public void build(String uri, ExprList args, Context context) {
        replace = REPLACE.equals(uri);
        int min = replace ? 3 : 2;
        if (args.size() < min || args.size() > min + 1) {
            throw new ExprEvalException((replace ? "REPLACE" : "REGEX") + ": wrong number of arguments");
        }
        Expr pattern = args.get(1);
        Expr flags = args.size() > min ? args.get(min) : null;
        if (pattern.isConstant() && (flags == null || flags.isConstant())) {
            constant = compile(pattern.getConstant(), flags == null ? null : flags.getConstant());
        }
    }

    @Override
    public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
        NodeValue text = args.get(0).eval(binding, env);
        int min = replace ? 3 : 2;
        Pattern pattern = constant != null ? constant : compile(args.get(1).eval(binding, env),
                args.size() > min ? args.get(min).eval(binding, env) : null);
        AtomicBoolean cancel = env == null ? null : Context.getCancelSignal(env.getContext());
        if (replace) {
            NodeValue with = args.get(2).eval(binding, env);
            if (!text.isString() && !text.isLangString()) {
                throw new ExprEvalException("REPLACE: not a string: " + text);
            }
            if (!with.isString() && !with.isLangString()) {
                throw new ExprEvalException("REPLACE: the replacement is not a string: " + with);
            }
            String lexical = text.asNode().getLiteralLexicalForm();
            String result = replaceAll(pattern.matcher(new Watched(lexical, cancel)),
                    with.asNode().getLiteralLexicalForm());
            if (result == null || result.equals(lexical)) {
                return text;
            }
            Node n = text.asNode();
            return NodeValue.makeNode(NodeFactory.createLiteral(result, n.getLiteralLanguage(),
                    n.getLiteralBaseDirection(), n.getLiteralDatatype()));
        }
        if (!text.isString() && !text.isLangString()) {
            throw new ExprEvalException("REGEX: not a string: " + text);
        }
        return NodeValue.booleanReturn(pattern.matcher(new Watched(text.asNode().getLiteralLexicalForm(), cancel))
                .find());
    }

    /**
     * Every match replaced, as ARQ does it: an empty match is replaced once, at the first match only (Java would
     * replace each, XPath would refuse the pattern). {@code null} when nothing matched.
     */
    private static String replaceAll(Matcher matcher, String replacement) {
        StringBuilder out = null;
        while (matcher.find()) {
            if (out == null) {
                out = new StringBuilder();
            } else if (matcher.start() == matcher.end()) {
                continue;
            }
            try {
                matcher.appendReplacement(out, replacement);
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
        }
        if (out == null) {
            return null;
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The pattern; like ARQ, REPLACE takes a language-tagged string as pattern or flags, REGEX does not. */
    private Pattern compile(NodeValue pattern, NodeValue flags) {
        if (!pattern.isString() && !(replace && pattern.isLangString())) {
            throw new ExprEvalException("a regular expression is not a string: " + pattern);
        }
        if (flags != null && !flags.isString() && !(replace && flags.isLangString())) {
            throw new ExprEvalException("regular expression flags are not a string: " + flags);
        }
        return RegexEngine.makePattern(replace ? "replace" : "regex", pattern.asNode().getLiteralLexicalForm(),
                flags == null ? null : flags.asNode().getLiteralLexicalForm());
    }

    /** The text, as the matcher reads it, ending the query once it is cancelled. */
    private static final class Watched implements CharSequence {
        private final String text;
        private final AtomicBoolean cancel;
        private int reads;

        Watched(String text, AtomicBoolean cancel) {
            this.text = text;
            this.cancel = cancel;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && (cancel != null && cancel.get() || Thread.currentThread().isInterrupted())) {
                throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

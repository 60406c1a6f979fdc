package fr.tissu.store.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The values one thing's query rows bound, folded: each variable keeps its distinct values in the order met, so a
 * multi-valued property (themes, days) is a list and a single one is its first value. Values are Jena nodes, which
 * stay valid after the store's read transaction ends.
 */
public final class Bindings {
    private final Map<String, Set<Node>> values = new HashMap<>();

    /** Adds a row's values. */
    void add(QuerySolution row) {
        row.varNames().forEachRemaining(v -> {
            RDFNode n = row.get(v);
            if (n != null) {
                values.computeIfAbsent(v, k -> new LinkedHashSet<>(2)).add(n.asNode());
            }
        });
    }

    /** The first value of {@code var}, or {@code null}. */
    public Node node(String var) {
        Set<Node> set = values.get(var);
        return set == null || set.isEmpty() ? null : set.iterator().next();
    }

    /** Every value of {@code var}, in the order met. */
    public List<Node> nodes(String var) {
        Set<Node> set = values.get(var);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** The IRI of {@code var}, or {@code null}. */
    public String iri(String var) {
        Node n = node(var);
        return n != null && n.isURI() ? n.getURI() : null;
    }

    /** The lexical form of a literal (or the IRI) of {@code var}, or {@code null}. */
    public String text(String var) {
        return text(node(var));
    }

    /** Every value of {@code var} as text, in the order met. */
    public List<String> texts(String var) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes(var)) {
            out.add(text(n));
        }
        return Collections.unmodifiableList(out);
    }

    /** The last segment of each IRI of {@code var} (a code: a theme, a status), sorted. */
    public List<String> codes(String var) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes(var)) {
            out.add(lastSegment(n.isURI() ? n.getURI() : text(n)));
        }
        Collections.sort(out);
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** The last segment of the IRI of {@code var}, or {@code null}. */
    public String code(String var) {
        String iri = iri(var);
        return iri == null ? null : lastSegment(iri);
    }

    /** A date, or {@code null}. */
    public LocalDate date(String var) {
        String t = text(var);
        return t == null ? null : LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    }

    /** A time of day, or {@code null}. */
    public LocalTime time(String var) {
        String t = text(var);
        return t == null ? null : LocalTime.parse(t);
    }

    /** A whole number, or {@code null}. */
    public Integer integer(String var) {
        String t = text(var);
        return t == null ? null : Integer.valueOf(t);
    }

    /** A decimal, or {@code null}. */
    public BigDecimal decimal(String var) {
        String t = text(var);
        return t == null ? null : new BigDecimal(t);
    }

    /** A double, or {@code null}. */
    public Double number(String var) {
        String t = text(var);
        return t == null ? null : Double.valueOf(t);
    }

    /** A boolean, or {@code null}. */
    public Boolean bool(String var) {
        String t = text(var);
        return t == null ? null : Boolean.valueOf(t.equals("true") || t.equals("1"));
    }

    /** The last segment of an IRI (after the last {@code /} or {@code #}). */
    public static String lastSegment(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    private static String text(Node n) {
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }
}

package fr.tissu.vocabulary;

import java.util.Collection;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Terms written into SPARQL text. Every IRI and literal that comes from outside the code (a request, a file, the
 * store) goes through here, never pasted: an IRI is checked against the IRIREF production (nothing that could end it
 * or start new syntax) and written by Jena's node formatter; a literal is escaped by it.
 */
public final class Sparql {
    private Sparql() {
    }

    /**
     * {@code <iri>}, for an IRI with a scheme (a fragment is allowed).
     *
     * @throws IllegalArgumentException when {@code iri} is not an absolute IRI that SPARQL can hold as written
     */
    public static String iri(String iri) {
        if (iri == null || iri.isEmpty()) {
            throw new IllegalArgumentException("an IRI is required");
        }
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("not an IRI (character '" + (c <= 0x20 ? "U+" + (int) c
                        : String.valueOf(c)) + "' at " + i + "): " + shorten(iri));
            }
        }
        try {
            if (IRIx.create(iri).scheme() == null) {
                throw new IllegalArgumentException("not an absolute IRI (no scheme): " + shorten(iri));
            }
        } catch (IRIException e) {
            throw new IllegalArgumentException("not an IRI: " + shorten(iri));
        }
        return NodeFmtLib.strNT(NodeFactory.createURI(iri));
    }

    /** {@code <iri>} of a node. */
    public static String iri(Node node) {
        if (node == null || !node.isURI()) {
            throw new IllegalArgumentException("an IRI is required, not " + node);
        }
        return iri(node.getURI());
    }

    /** A plain string literal, escaped. */
    public static String literal(String text) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralString(text));
    }

    /** A literal of {@code datatype}, escaped. */
    public static String literal(String lexical, RDFDatatype datatype) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralDT(lexical, datatype));
    }

    /** Any node: an IRI (checked), a literal (escaped). */
    public static String term(Node node) {
        if (node.isURI()) {
            return iri(node.getURI());
        }
        if (node.isLiteral()) {
            return NodeFmtLib.strNT(node);
        }
        throw new IllegalArgumentException("only IRIs and literals are written into queries: " + node);
    }

    /** The IRIs of {@code iris}, separated by spaces (the body of a {@code VALUES} block). */
    public static String iris(Collection<String> iris) {
        StringBuilder s = new StringBuilder();
        for (String iri : iris) {
            s.append(iri(iri)).append(' ');
        }
        return s.toString();
    }

    /** The nodes of {@code nodes}, separated by spaces. */
    public static String terms(Collection<Node> nodes) {
        StringBuilder s = new StringBuilder();
        for (Node node : nodes) {
            s.append(term(node)).append(' ');
        }
        return s.toString();
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}

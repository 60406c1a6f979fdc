package fr.tissu.store;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/**
 * RDF terms between Eclipse RDF4J, which the remote store speaks to the engine with, and Jena, which the rest of Tissu
 * reads: the remote store's answers leave it as Jena nodes, so no RDF4J type crosses the {@link Store} interface.
 */
final class Rdf4jTerms {
    private Rdf4jTerms() {
    }

    /** The Jena node of an RDF4J value; {@code null} for {@code null}. */
    static Node node(Value v) {
        if (v == null) {
            return null;
        }
        if (v.isIRI()) {
            return NodeFactory.createURI(v.stringValue());
        }
        if (v.isBNode()) {
            return NodeFactory.createBlankNode(((BNode) v).getID());
        }
        if (v.isLiteral()) {
            Literal l = (Literal) v;
            if (l.getLanguage().isPresent()) {
                return NodeFactory.createLiteralLang(l.getLabel(), l.getLanguage().get());
            }
            return NodeFactory.createLiteralDT(l.getLabel(),
                    TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue()));
        }
        throw new StoreException("the store answered a term Tissu does not read (an RDF-star triple term): " + v);
    }

    /** The RDF4J value of a concrete Jena node; {@code null} for a variable or {@code ANY}. */
    static Value value(ValueFactory f, Node n) {
        if (n == null || !n.isConcrete()) {
            return null;
        }
        if (n.isURI()) {
            return f.createIRI(n.getURI());
        }
        if (n.isBlank()) {
            return f.createBNode(n.getBlankNodeLabel());
        }
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return lang.isEmpty() ? f.createLiteral(n.getLiteralLexicalForm(), f.createIRI(n.getLiteralDatatypeURI()))
                    : f.createLiteral(n.getLiteralLexicalForm(), lang);
        }
        throw new IllegalArgumentException("not an RDF term: " + n);
    }

    static Triple triple(Statement s) {
        return Triple.create(node(s.getSubject()), node(s.getPredicate()), node(s.getObject()));
    }

    static Binding binding(BindingSet row) {
        BindingBuilder b = Binding.builder();
        for (org.eclipse.rdf4j.query.Binding x : row) {
            if (x.getValue() != null) {
                b.add(Var.alloc(x.getName()), node(x.getValue()));
            }
        }
        return b.build();
    }
}

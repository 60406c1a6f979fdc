package fr.tissu.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

class TissuTest {
    private static final Node OWL_CLASS = NodeFactory.createURI("http://www.w3.org/2002/07/owl#Class");
    private static final Node OWL_OBJECT = NodeFactory.createURI("http://www.w3.org/2002/07/owl#ObjectProperty");
    private static final Node OWL_DATA = NodeFactory.createURI("http://www.w3.org/2002/07/owl#DatatypeProperty");

    private final Graph ontology = Vocabulary.get().ontology();

    @Test
    void constantsAndOntologyAgreeBothWays() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : Tissu.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Node.class) {
                Node node = (Node) field.get(null);
                assertEquals(Tissu.NS + field.getName(), node.getURI(), "constant name and IRI differ");
                constants.add(node.getURI());
            }
        }
        Set<String> declared = new TreeSet<>();
        for (Node kind : List.of(OWL_CLASS, OWL_OBJECT, OWL_DATA)) {
            ontology.find(Node.ANY, Vocab.Core.type, kind).mapWith(Triple::getSubject)
                    .filterKeep(s -> s.isURI() && s.getURI().startsWith(Tissu.NS))
                    .forEach(s -> declared.add(s.getURI()));
        }
        assertFalse(declared.isEmpty());
        assertEquals(declared, constants, "ontology terms and Java constants must match");
    }

    @Test
    void everyMintedTermHasFrenchAndEnglishLabelAndComment() {
        List<String> missing = new ArrayList<>();
        ontology.find(Node.ANY, Vocab.Core.type, Node.ANY).mapWith(Triple::getSubject)
                .filterKeep(s -> s.isURI() && s.getURI().startsWith(Tissu.NS)).toSet()
                .forEach(term -> {
                    for (Node p : List.of(Vocab.Core.label, Vocab.Core.comment)) {
                        for (String lang : List.of("fr", "en")) {
                            boolean found = ontology.find(term, p, Node.ANY).toList().stream()
                                    .anyMatch(t -> t.getObject().isLiteral()
                                            && lang.equals(t.getObject().getLiteralLanguage()));
                            if (!found) {
                                missing.add(term.getLocalName() + " " + p.getLocalName() + "@" + lang);
                            }
                        }
                    }
                });
        assertTrue(missing.isEmpty(), "missing labels or comments: " + missing);
    }

    @Test
    void charterHasSevenAxesAndTwentyOneIndicatorsWithUnits() {
        Graph schemes = Vocabulary.get().schemes();
        assertEquals(21, Vocabulary.get().indicators().size());
        for (Node indicator : Vocabulary.get().indicators().values()) {
            assertTrue(schemes.contains(indicator, Tissu.unit, Node.ANY), indicator + " has no unit");
            assertTrue(schemes.contains(indicator, Vocab.Skos.broader, Node.ANY), indicator + " has no axis");
        }
        long axes = schemes.find(Node.ANY, Vocab.Skos.notation, Node.ANY)
                .filterKeep(t -> t.getSubject().getURI().matches(".*/charter/axe[1-7]")).toList().size();
        assertEquals(7, axes);
        long commitments = schemes.find(Node.ANY, Vocab.Skos.notation, Node.ANY)
                .filterKeep(t -> t.getSubject().getURI().matches(".*/charter/axe[1-7]-engagement[1-3]")).toList()
                .size();
        assertEquals(21, commitments);
    }

    @Test
    void themesAreFoundByCodeOrLabelIgnoringAccents() {
        Node theatre = Tissu.concept("theme", "theatre");
        assertEquals(theatre, Vocabulary.get().theme("theatre").orElseThrow());
        assertEquals(theatre, Vocabulary.get().theme("Théâtre").orElseThrow());
        assertEquals(theatre, Vocabulary.get().theme("Theatre").orElseThrow());
        assertTrue(Vocabulary.get().theme("quidditch").isEmpty());
        assertEquals(Tissu.concept("audience", "enfants"), Vocabulary.get().audience("Enfants (3-11 ans)")
                .orElseThrow());
    }

    @Test
    void jsonLdContextIsValidJson() {
        String context = Vocabulary.text(Vocabulary.CONTEXT);
        assertTrue(context.contains("\"@context\""));
        // Parse it as JSON-LD: a document using the context must expand to the expected triple.
        String doc = "{" + context.substring(context.indexOf('{') + 1, context.lastIndexOf('}'))
                + ", \"id\": \"http://example.org/a\", \"name\": \"Judo club\"}";
        Graph g = RDFParser.fromString(doc, Lang.JSONLD).toGraph();
        assertTrue(g.contains(NodeFactory.createURI("http://example.org/a"), Vocab.Schema.name,
                NodeFactory.createLiteralString("Judo club")));
    }
}

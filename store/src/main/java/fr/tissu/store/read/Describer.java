package fr.tissu.store.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Sparql;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Reads what the store says about one thing: its own triples and those of its parts (hash URIs it links to), the
 * labels of what it links to, and the first things that link to it.
 */
public final class Describer {
    private static final String PREFIXES = """
            PREFIX schema: <https://schema.org/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    /** A thing linking to the described one. */
    public record Incoming(Node subject, Node property, String label) {
    }

    private final Store store;
    private final Duration timeout;

    /** Reads from {@code store}, each query limited to {@code timeout}. */
    public Describer(Store store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    /** The thing's triples and its parts' triples; empty when the store knows nothing of it. */
    public Graph describe(Node thing) {
        return store.construct("""
                CONSTRUCT { ?s ?p ?o } WHERE {
                  { BIND(%1$s AS ?s) ?s ?p ?o }
                  UNION
                  { %1$s ?link ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), %2$s)) ?s ?p ?o }
                }""".formatted(Sparql.iri(thing), Sparql.literal(thing.getURI() + "#")), timeout);
    }

    /** The triples of several things and of their parts, with one query. */
    public Graph describeAll(Collection<String> things) {
        if (things.isEmpty()) {
            return GraphFactory.createDefaultGraph();
        }
        String values = Sparql.iris(things);
        return store.construct("""
                CONSTRUCT { ?s ?p ?o } WHERE {
                  VALUES ?thing { %s }
                  { ?thing ?p ?o BIND(?thing AS ?s) }
                  UNION
                  { ?thing ?link ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), CONCAT(STR(?thing), "#"))) ?s ?p ?o }
                }""".formatted(values), timeout);
    }

    /** Labels of {@code nodes} in {@code lang} (or without language), by node. */
    public Map<Node, String> labels(Collection<Node> nodes, String lang) {
        Map<Node, String> labels = new HashMap<>();
        List<Node> iris = nodes.stream().filter(Node::isURI).distinct().toList();
        if (iris.isEmpty()) {
            return labels;
        }
        String values = Sparql.terms(iris);
        String q = PREFIXES + """
                SELECT ?o ?label WHERE {
                  VALUES ?o { %s }
                  ?o schema:name|skos:prefLabel|rdfs:label ?label
                  FILTER(LANG(?label) = "" || LANG(?label) = %s)
                }""".formatted(values, Sparql.literal(lang));
        store.select(q, timeout, row -> {
            Node o = row.get("o").asNode();
            String label = row.getLiteral("label").getLexicalForm();
            boolean exact = lang.equals(row.getLiteral("label").getLanguage());
            if (exact || !labels.containsKey(o)) {
                labels.put(o, label);
            }
        });
        return labels;
    }

    /** Up to {@code limit} things that link to {@code thing}, with their names. */
    public List<Incoming> incoming(Node thing, int limit) {
        String q = PREFIXES + """
                SELECT ?s ?p (SAMPLE(?name) AS ?label) WHERE {
                  { SELECT DISTINCT ?s ?p WHERE { ?s ?p %s FILTER(isIRI(?s) && !CONTAINS(STR(?s), "#")) }
                    LIMIT %d }
                  OPTIONAL { ?s schema:name|skos:prefLabel ?name }
                } GROUP BY ?s ?p""".formatted(Sparql.iri(thing), limit);
        List<Incoming> list = new ArrayList<>();
        store.select(q, timeout, row -> list.add(new Incoming(row.get("s").asNode(), row.get("p").asNode(),
                row.contains("label") ? row.getLiteral("label").getLexicalForm() : null)));
        return list;
    }
}

package fr.tissu.api.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The example queries of {@code sparql-examples/}, shipped in the jar: one Turtle file per query, an
 * {@code sh:SPARQLExecutable} with French and English title and description, keywords and the query text
 * ({@code sh:select}, {@code sh:ask}, {@code sh:construct} or {@code spex:describe}), as in sib-swiss/sparql-examples.
 */
public final class Examples {
    static final String SH = "http://www.w3.org/ns/shacl#";
    static final String SPEX = "https://purl.expasy.org/sparql-examples/ontology#";
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node EXECUTABLE = NodeFactory.createURI(SH + "SPARQLExecutable");
    private static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    private static final Node COMMENT = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment");
    private static final Node KEYWORDS = NodeFactory.createURI("https://schema.org/keywords");
    private static final List<Node> QUERY = List.of(NodeFactory.createURI(SH + "select"),
            NodeFactory.createURI(SH + "ask"), NodeFactory.createURI(SH + "construct"),
            NodeFactory.createURI(SPEX + "describe"));

    /**
     * One example.
     *
     * @param id          the file name without extension
     * @param iri         the example's IRI
     * @param title       title by language
     * @param description description by language
     * @param keywords    keywords
     * @param query       the query text
     */
    public record Example(String id, String iri, Map<String, String> title, Map<String, String> description,
                          List<String> keywords, String query) {
    }

    private static volatile List<Example> all;
    private static volatile Graph graph;

    private Examples() {
    }

    /** Every example, sorted by file name. */
    public static List<Example> all() {
        load();
        return all;
    }

    /** The examples as RDF, to load into their own graph. */
    public static Graph graph() {
        load();
        return graph;
    }

    private static synchronized void load() {
        if (all != null) {
            return;
        }
        List<Example> examples = new ArrayList<>();
        Graph union = GraphFactory.createDefaultGraph();
        for (Path file : files()) {
            Graph g;
            try (InputStream in = Files.newInputStream(file)) {
                g = RDFParser.source(in).lang(Lang.TURTLE).toGraph();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            g.find().forEach(union::add);
            Node subject = g.find(Node.ANY, TYPE, EXECUTABLE).mapWith(Triple::getSubject).nextOptional()
                    .orElseThrow(() -> new IllegalStateException(file + " has no sh:SPARQLExecutable"));
            String query = QUERY.stream().flatMap(p -> g.find(subject, p, Node.ANY).toList().stream())
                    .map(t -> t.getObject().getLiteralLexicalForm()).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " has no query text"));
            String name = file.getFileName().toString();
            examples.add(new Example(name.substring(0, name.lastIndexOf('.')), subject.getURI(),
                    byLanguage(g, subject, LABEL), byLanguage(g, subject, COMMENT),
                    g.find(subject, KEYWORDS, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList(),
                    query));
        }
        examples.sort(Comparator.comparing(Example::id));
        graph = union;
        all = List.copyOf(examples);
    }

    private static Map<String, String> byLanguage(Graph g, Node subject, Node property) {
        Map<String, String> texts = new TreeMap<>();
        g.find(subject, property, Node.ANY).forEach(t -> texts.put(t.getObject().getLiteralLanguage(),
                t.getObject().getLiteralLexicalForm()));
        return texts;
    }

    private static List<Path> files() {
        try {
            URI uri = Examples.class.getResource("examples").toURI();
            Path dir;
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                dir = fs.getPath("/fr/tissu/api/sparql/examples");
            } else {
                dir = Path.of(uri);
            }
            try (Stream<Path> list = Files.list(dir)) {
                return list.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the SPARQL examples are missing from the build", e);
        }
    }
}

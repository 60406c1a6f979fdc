package fr.tissu.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The vocabulary's Turtle files, read from the class path: they are the source of truth, and this class
 * only loads them and answers look-ups (a theme by its code or label, an indicator by its code).
 */
public final class Vocabulary {
    /** The ontology: classes and properties Tissu mints. */
    public static final String ONTOLOGY = "ontology.ttl";
    /** SHACL shapes. */
    public static final String SHAPES = "shapes.ttl";
    /** The SKOS concept schemes: charter, themes, audiences. */
    public static final List<String> SCHEMES = List.of("charter.ttl", "themes.ttl", "audiences.ttl");
    /** The JSON-LD context of the REST and JSON-LD representations. */
    public static final String CONTEXT = "context.jsonld";

    private static final Vocabulary INSTANCE = new Vocabulary();

    private final Graph ontology = read(ONTOLOGY);
    private final Graph shapes = read(SHAPES);
    private final Graph schemes = GraphFactory.createDefaultGraph();
    private final Map<String, Node> themesByKey = new HashMap<>();
    private final Map<String, Node> audiencesByKey = new HashMap<>();
    private final Map<String, Node> indicatorsByCode = new HashMap<>();

    private Vocabulary() {
        SCHEMES.forEach(file -> read(file).find().forEach(schemes::add));
        index("theme", themesByKey, true);
        index("audience", audiencesByKey, true);
        index("charter/indicator", indicatorsByCode, false);
    }

    /** The one, immutable vocabulary of this build. */
    public static Vocabulary get() {
        return INSTANCE;
    }

    /** The ontology graph (do not modify). */
    public Graph ontology() {
        return ontology;
    }

    /** The SHACL shapes graph (do not modify). */
    public Graph shapes() {
        return shapes;
    }

    /** The concept schemes graph (do not modify). */
    public Graph schemes() {
        return schemes;
    }

    /** The text of one vocabulary file, e.g. {@link #CONTEXT}. */
    public static String text(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A theme concept from its code ({@code judo}) or its French or English label, ignoring case and accents. */
    public Optional<Node> theme(String keyOrLabel) {
        return Optional.ofNullable(themesByKey.get(fold(keyOrLabel)));
    }

    /** An audience concept from its code ({@code enfants}) or label. */
    public Optional<Node> audience(String keyOrLabel) {
        return Optional.ofNullable(audiencesByKey.get(fold(keyOrLabel)));
    }

    /** A charter indicator from its code ({@code 1.1}). */
    public Optional<Node> indicator(String code) {
        return Optional.ofNullable(indicatorsByCode.get(code == null ? "" : code.trim()));
    }

    /** All charter indicator codes. */
    public Map<String, Node> indicators() {
        return Collections.unmodifiableMap(indicatorsByCode);
    }

    /** Lower-case, accents removed, runs of non-letters as one hyphen: {@code "Théâtre "} → {@code theatre}. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
    }

    private void index(String scheme, Map<String, Node> byKey, boolean withLabels) {
        String prefix = Tissu.BASE + scheme + "/";
        schemes.find(Node.ANY, Vocab.Skos.notation, Node.ANY).forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(prefix)
                    && t.getSubject().getURI().indexOf('/', prefix.length()) < 0) {
                Node concept = t.getSubject();
                byKey.put(t.getObject().getLiteralLexicalForm(), concept);
                if (!withLabels) {
                    return;
                }
                schemes.find(concept, Vocab.Skos.prefLabel, Node.ANY).mapWith(Triple::getObject)
                        .forEach(label -> byKey.putIfAbsent(fold(label.getLiteralLexicalForm()), concept));
            }
        });
    }

    private static Graph read(String file) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = open(file)) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static InputStream open(String file) {
        InputStream in = Vocabulary.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("vocabulary file missing from the build: " + file);
        }
        return in;
    }
}

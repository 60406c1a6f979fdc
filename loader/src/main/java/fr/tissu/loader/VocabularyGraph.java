package fr.tissu.loader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Keeps the vocabulary (ontology and concept schemes) in the store as its own graph, so SPARQL users can read
 * theme and indicator labels. It is rewritten only when the vocabulary files change, to keep the data version.
 */
public final class VocabularyGraph {
    // Shipped graphs are rewritten only when their content changes, so restarts keep the data version.
    private VocabularyGraph() {
    }

    /** Writes the vocabulary graph if it is missing or out of date; returns whether it wrote. */
    public static boolean ensure(Store store, Ids ids) {
        Graph content = GraphFactory.createDefaultGraph();
        Vocabulary.get().ontology().find().forEach(content::add);
        Vocabulary.get().schemes().find().forEach(content::add);
        return ensure(store, ids.graph("vocabulary"), checksum(), content, "vocabulary");
    }

    /**
     * Writes {@code content} to {@code graph} unless the graph already holds content with this checksum; returns
     * whether it wrote. For data shipped with the software (vocabulary, example queries).
     */
    public static boolean ensure(Store store, Node graph, String checksum, Graph content, String source) {
        boolean current = store.ask("ASK { GRAPH " + Sparql.iri(graph) + " { " + Sparql.iri(graph)
                + " <http://spdx.org/rdf/terms#checksum>/<http://spdx.org/rdf/terms#checksumValue> ?v "
                + "FILTER(STR(?v) = " + Sparql.literal(checksum) + ") } }", Duration.ofSeconds(10));
        if (current) {
            return false;
        }
        try (GraphWriter writer = store.replace(graph)) {
            content.find().forEach(writer::add);
            Provenance.add(writer, graph, source, "rdf", checksum, content.size(), 0, Instant.now());
            writer.commit();
        }
        return true;
    }

    /** SHA-256 of texts, in hex. */
    public static String checksum(List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            texts.forEach(t -> sha.update(t.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Vocabulary.text(Vocabulary.ONTOLOGY).getBytes(StandardCharsets.UTF_8));
            for (String scheme : Vocabulary.SCHEMES) {
                sha.update(Vocabulary.text(scheme).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.tissu.loader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;

/**
 * Keeps the vocabulary (ontology and concept schemes) in the store as its own graph, so SPARQL users can read
 * theme and indicator labels. It is rewritten only when the vocabulary files change, to keep the data version.
 */
public final class VocabularyGraph {
    private VocabularyGraph() {
    }

    /** Writes the vocabulary graph if it is missing or out of date; returns whether it wrote. */
    public static boolean ensure(Store store, Ids ids) {
        Node graph = ids.graph("vocabulary");
        String checksum = checksum();
        boolean current = store.ask("ASK { GRAPH <" + graph.getURI() + "> { <" + graph.getURI()
                + "> <http://spdx.org/rdf/terms#checksum>/<http://spdx.org/rdf/terms#checksumValue> ?v "
                + "FILTER(STR(?v) = \"" + checksum + "\") } }", Duration.ofSeconds(10));
        if (current) {
            return false;
        }
        Vocabulary vocabulary = Vocabulary.get();
        try (GraphWriter writer = store.replace(graph)) {
            vocabulary.ontology().find().forEach(writer::add);
            vocabulary.schemes().find().forEach(writer::add);
            Provenance.add(writer, graph, "vocabulary", "rdf", checksum, 0, 0, Instant.now());
            writer.commit();
        }
        return true;
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

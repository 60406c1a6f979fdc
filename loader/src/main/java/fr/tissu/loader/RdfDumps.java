package fr.tissu.loader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Sparql;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * The RDF dumps of a dataset: gzipped N-Triples, Turtle and expanded JSON-LD, written side by side in one pass over
 * its graphs, each to a temporary file renamed into place, with its size, SHA-256 and triple count.
 */
final class RdfDumps {
    private RdfDumps() {
    }

    /**
     * One pass over the dataset's graphs writes its gzipped N-Triples, Turtle (streamed, in blocks by subject, with
     * the vocabulary's prefixes) and expanded JSON-LD; returns the three.
     */
    static List<Dumps.Dump> write(Store store, String name, List<String> graphs, Path dir, String modified)
            throws IOException {
        Path nt = dir.resolve(name + ".nt.gz");
        Path ttl = dir.resolve(name + ".ttl.gz");
        Path jsonld = dir.resolve(name + ".jsonld.gz");
        Path ntTmp = dir.resolve(name + ".nt.gz.part");
        Path ttlTmp = dir.resolve(name + ".ttl.gz.part");
        Path jsonldTmp = dir.resolve(name + ".jsonld.gz.part");
        MessageDigest ntSha = sha256();
        MessageDigest ttlSha = sha256();
        MessageDigest jsonldSha = sha256();
        long[] triples = {0};
        try (OutputStream ntOut = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(ntTmp), 1 << 16), ntSha), 1 << 16);
             OutputStream ttlOut = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(ttlTmp), 1 << 16), ttlSha), 1 << 16);
             OutputStream jsonldOut = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(jsonldTmp), 1 << 16), jsonldSha), 1 << 16);
             JsonLdStream jsonldWriter = new JsonLdStream(jsonldOut)) {
            StreamRDF ntWriter = StreamRDFWriter.getWriterStream(ntOut, RDFFormat.NTRIPLES);
            StreamRDF ttlWriter = StreamRDFWriter.getWriterStream(ttlOut, RDFFormat.TURTLE_BLOCKS);
            ntWriter.start();
            ttlWriter.start();
            PREFIXES.forEach(ttlWriter::prefix);
            String values = Sparql.iris(graphs);
            store.select("SELECT ?s ?p ?o WHERE { VALUES ?g { " + values + "} GRAPH ?g { "
                            + PATTERNS.getOrDefault(name, "?s ?p ?o") + " } }",
                    Duration.ofHours(1), r -> {
                        Triple t = Triple.create(r.get("s").asNode(), r.get("p").asNode(), r.get("o").asNode());
                        ntWriter.triple(t);
                        ttlWriter.triple(t);
                        jsonldWriter.triple(t);
                        triples[0]++;
                    });
            ntWriter.finish();
            ttlWriter.finish();
        }
        Files.move(ntTmp, nt, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(ttlTmp, ttl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(jsonldTmp, jsonld, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.of(
                new Dumps.Dump(name + "-jsonld", "dumps/" + jsonld.getFileName(), Files.size(jsonld),
                        HexFormat.of().formatHex(jsonldSha.digest()), triples[0], modified, null),
                new Dumps.Dump(name, "dumps/" + nt.getFileName(), Files.size(nt),
                        HexFormat.of().formatHex(ntSha.digest()), triples[0], modified, null),
                new Dumps.Dump(name + "-ttl", "dumps/" + ttl.getFileName(), Files.size(ttl),
                        HexFormat.of().formatHex(ttlSha.digest()), triples[0], modified, null));
    }

    /**
     * Datasets that are part of their graphs: the places, inside the activity graphs, with their address and
     * geometry (the parts whose URI is the place's plus a fragment).
     */
    private static final Map<String, String> PATTERNS = Map.of("places", """
            ?pl a <https://schema.org/Place> FILTER NOT EXISTS { ?pl a <https://w3id.org/tissu/ns#SupportPoint> }
            { ?pl ?p ?o BIND(?pl AS ?s) }
            UNION { ?pl ?link ?s FILTER(isIRI(?s) && STRSTARTS(STR(?s), CONCAT(STR(?pl), "#"))) ?s ?p ?o }""");

    /** Prefixes of the Turtle dumps, declared in this order (the same bytes for the same data at every run). */
    private static final Map<String, String> PREFIXES = new TreeMap<>(Map.of("schema", "https://schema.org/",
            "dct", "http://purl.org/dc/terms/", "tissu", "https://w3id.org/tissu/ns#",
            "locn", "http://www.w3.org/ns/locn#", "skos", "http://www.w3.org/2004/02/skos/core#",
            "rov", "http://www.w3.org/ns/regorg#", "adms", "http://www.w3.org/ns/adms#",
            "geo", "http://www.w3.org/2003/01/geo/wgs84_pos#", "prov", "http://www.w3.org/ns/prov#",
            "xsd", "http://www.w3.org/2001/XMLSchema#"));

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

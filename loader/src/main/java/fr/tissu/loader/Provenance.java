package fr.tissu.loader;

import java.time.Instant;

import fr.tissu.store.GraphWriter;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.DCT;
import fr.tissu.vocabulary.Vocab.Prov;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** PROV-O description of a source graph, written inside the graph itself so it is replaced with it. */
final class Provenance {
    private Provenance() {
    }

    static void add(GraphWriter writer, Node graph, String file, String format, String sha256, long accepted,
                    long rejected, Instant started) {
        add(writer, graph, file, format, sha256, accepted, rejected, started, null);
    }

    /** The same, attributed to {@code publisher} (the name of the token it was published with), when not null. */
    static void add(GraphWriter writer, Node graph, String file, String format, String sha256, long accepted,
                    long rejected, Instant started, String publisher) {
        Node load = Ids.part(graph, "load");
        if (publisher != null) {
            Node agent = Ids.part(graph, "publisher");
            add(writer, graph, Prov.wasAttributedTo, agent);
            add(writer, load, Prov.wasAssociatedWith, agent);
            add(writer, agent, Core.type, Prov.Agent);
            add(writer, agent, Core.label, NodeFactory.createLiteralString(publisher));
        }
        Instant now = Instant.now();
        add(writer, graph, Core.type, Tissu.SourceGraph);
        add(writer, graph, Core.type, Prov.Entity);
        add(writer, graph, DCT.source, NodeFactory.createLiteralString(file));
        add(writer, graph, Tissu.sourceFormat, NodeFactory.createLiteralString(format));
        add(writer, graph, Tissu.rowsAccepted, integer(accepted));
        add(writer, graph, Tissu.rowsRejected, integer(rejected));
        add(writer, graph, Prov.generatedAtTime, time(now));
        add(writer, graph, Prov.wasGeneratedBy, load);
        add(writer, load, Core.type, Prov.Activity);
        add(writer, load, Prov.startedAtTime, time(started));
        add(writer, load, Prov.endedAtTime, time(now));
        if (sha256 != null) {
            Node checksum = Ids.part(graph, "checksum");
            add(writer, graph, Prov.checksum, checksum);
            add(writer, checksum, Core.type, Prov.Checksum);
            add(writer, checksum, Prov.algorithm, Prov.sha256);
            add(writer, checksum, Prov.checksumValue, NodeFactory.createLiteralDT(sha256, XSDDatatype.XSDhexBinary));
        }
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node time(Instant instant) {
        return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
    }

    private static void add(GraphWriter writer, Node s, Node p, Node o) {
        writer.add(Triple.create(s, p, o));
    }
}

package fr.tissu.api.linkeddata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import fr.tissu.vocabulary.Prefixes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;

/** Sends a graph in an RDF syntax, with the vocabulary's prefixes. */
public final class RdfWriting {
    private RdfWriting() {
    }

    /** Writes {@code graph} as {@code media} (not HTML). */
    public static void write(ServerResponse res, Graph graph, RdfMedia media) {
        graph.getPrefixMapping().setNsPrefixes(Prefixes.MAP);
        res.header(HeaderNames.CONTENT_TYPE, media.contentType());
        try (OutputStream out = res.outputStream()) {
            RDFWriter.source(graph).format(media.format()).output(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

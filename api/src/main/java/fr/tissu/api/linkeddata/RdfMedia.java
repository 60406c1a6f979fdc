package fr.tissu.api.linkeddata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.apache.jena.riot.RDFFormat;

/** The representations of a Linked Data resource, chosen by {@code Accept} or by a {@code format=} parameter. */
public enum RdfMedia {
    /** Turtle, the default for clients that accept anything. */
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
    /** JSON-LD 1.1, compacted with the vocabulary's prefixes. */
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY),
    /** N-Triples. */
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
    /** RDF/XML. */
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY),
    /** The HTML page for people. */
    HTML("text/html", "html", null);

    private final MediaType type;
    private final String key;
    private final RDFFormat format;

    RdfMedia(String type, String key, RDFFormat format) {
        this.type = MediaTypes.create(type);
        this.key = key;
        this.format = format;
    }

    /** The media type. */
    public MediaType type() {
        return type;
    }

    /** The {@code format=} value. */
    public String key() {
        return key;
    }

    /** Jena's writer format ({@code null} for HTML). */
    public RDFFormat format() {
        return format;
    }

    /** The content type header value, with charset where it matters. */
    public String contentType() {
        return this == HTML || this == TURTLE || this == NTRIPLES ? type.text() + "; charset=UTF-8" : type.text();
    }

    /** The offered media types, for a 406 message. */
    public static List<String> offered() {
        return Arrays.stream(values()).map(m -> m.type.text()).toList();
    }

    /**
     * The representation to send: {@code format=} wins; otherwise the best match of {@code Accept} (Turtle when
     * there is none); empty when nothing acceptable can be produced.
     */
    public static Optional<RdfMedia> choose(ServerRequest req) {
        Optional<String> format = req.query().first("format").asOptional();
        if (format.isPresent()) {
            return Arrays.stream(values()).filter(m -> m.key.equals(format.get()) || m.type.text().equals(format.get()))
                    .findFirst();
        }
        if (!req.headers().contains(HeaderNames.ACCEPT)) {
            return Optional.of(TURTLE);
        }
        MediaType[] types = Arrays.stream(values()).map(RdfMedia::type).toArray(MediaType[]::new);
        return req.headers().bestAccepted(types)
                .flatMap(best -> Arrays.stream(values()).filter(m -> m.type.equals(best)).findFirst());
    }
}

package fr.tissu.api.linkeddata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.tissu.api.http.Negotiation;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerRequest;
import org.apache.jena.riot.RDFFormat;

/** The representations of a Linked Data resource, chosen by {@code Accept} or by a {@code format=} parameter. */
public enum RdfMedia {
    /** Turtle, the default for clients that accept anything. */
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY, List.of("turtle", "n3"), "text/n3",
            "application/x-turtle"),
    /** JSON-LD 1.1, compacted with the vocabulary's prefixes; also what a client asking for JSON gets. */
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY, List.of("json-ld", "json"),
            "application/json"),
    /** N-Triples. */
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES, List.of("ntriples", "n-triples")),
    /** RDF/XML. */
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY, List.of("rdfxml", "rdf+xml", "xml", "owl"),
            "application/xml", "text/xml"),
    /** The HTML page for people. */
    HTML("text/html", "html", null, List.of(), "application/xhtml+xml");

    private final MediaType type;
    private final String key;
    private final RDFFormat format;
    private final Negotiation.Offer<RdfMedia> offer;

    RdfMedia(String type, String key, RDFFormat format, List<String> aliases, String... aliasTypes) {
        this.type = MediaTypes.create(type);
        this.key = key;
        this.format = format;
        List<String> names = new ArrayList<>(List.of(key));
        names.addAll(aliases);
        List<MediaType> types = new ArrayList<>(List.of(this.type));
        Arrays.stream(aliasTypes).map(MediaTypes::create).forEach(types::add);
        this.offer = new Negotiation.Offer<>(this, List.copyOf(names), List.copyOf(types));
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
     * The representation to send: {@code format=} (a name, an alias or a media type) wins; otherwise the best match
     * of {@code Accept} (Turtle when there is none; JSON-LD for {@code application/json}); empty when nothing
     * acceptable can be produced.
     */
    public static Optional<RdfMedia> choose(ServerRequest req) {
        return Negotiation.choose(req, req.query().first("format").orElse(null),
                Arrays.stream(values()).map(m -> m.offer).toList());
    }
}

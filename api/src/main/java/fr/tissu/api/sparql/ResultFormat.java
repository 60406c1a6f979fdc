package fr.tissu.api.sparql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.tissu.api.http.Negotiation;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerRequest;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The result formats of the endpoint: one list for SELECT/ASK, one for CONSTRUCT/DESCRIBE. */
enum ResultFormat {
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON, null, true, List.of("json", "srj"),
            "application/json"),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML, null, true, List.of("xml", "srx"),
            "application/xml", "text/xml"),
    CSV("text/csv", ResultSetLang.RS_CSV, null, true, List.of("csv")),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV, null, true, List.of("tsv")),
    TURTLE("text/turtle", Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, false, List.of("ttl", "turtle", "n3"),
            "text/n3", "application/x-turtle"),
    NTRIPLES("application/n-triples", Lang.NTRIPLES, RDFFormat.NTRIPLES, false, List.of("nt", "ntriples",
            "n-triples"), "text/plain"),
    JSONLD("application/ld+json", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY, false, List.of("jsonld", "json-ld", "json"),
            "application/json"),
    RDFXML("application/rdf+xml", Lang.RDFXML, RDFFormat.RDFXML_PLAIN, false, List.of("rdf", "rdfxml", "rdf+xml",
            "xml", "owl"), "application/xml", "text/xml");

    final MediaType type;
    final Lang lang;
    final RDFFormat rdfFormat;
    final boolean tabular;
    private final Negotiation.Offer<ResultFormat> offer;

    ResultFormat(String type, Lang lang, RDFFormat rdfFormat, boolean tabular, List<String> names,
                 String... aliases) {
        this.type = MediaTypes.create(type);
        this.lang = lang;
        this.rdfFormat = rdfFormat;
        this.tabular = tabular;
        List<MediaType> types = new ArrayList<>();
        types.add(this.type);
        Arrays.stream(aliases).map(MediaTypes::create).forEach(types::add);
        this.offer = new Negotiation.Offer<>(this, names, List.copyOf(types));
    }

    String contentType() {
        return type.text() + (this == JSON || this == XML || this == JSONLD || this == RDFXML ? "" : "; charset=utf-8");
    }

    /** True for formats whose writer needs the whole graph (no streaming writer). */
    boolean needsWholeGraph() {
        return this == JSONLD || this == RDFXML;
    }

    static List<ResultFormat> of(boolean tabular) {
        return Arrays.stream(values()).filter(f -> f.tabular == tabular).toList();
    }

    /** Every media type a result kind is offered in, its own and its aliases. */
    static List<MediaType> types(boolean tabular) {
        return of(tabular).stream().flatMap(f -> f.offer.types().stream()).toList();
    }

    /**
     * The format for a result kind: {@code format=} (a short name, an alias such as {@code turtle} or
     * {@code json-ld}, or a media type) wins, then {@code Accept}; the first of the list when the client accepts
     * anything. An unknown {@code format=} leaves the choice to {@code Accept}. Empty when nothing offered is
     * acceptable.
     */
    static Optional<ResultFormat> choose(ServerRequest req, boolean tabular, String formatParam) {
        return Negotiation.choose(req, formatParam, of(tabular).stream().map(f -> f.offer).toList());
    }
}

package fr.tissu.api.sparql;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The result formats of the endpoint: one list for SELECT/ASK, one for CONSTRUCT/DESCRIBE. */
enum ResultFormat {
    JSON("application/sparql-results+json", "json", ResultSetLang.RS_JSON, null, true),
    XML("application/sparql-results+xml", "xml", ResultSetLang.RS_XML, null, true),
    CSV("text/csv", "csv", ResultSetLang.RS_CSV, null, true),
    TSV("text/tab-separated-values", "tsv", ResultSetLang.RS_TSV, null, true),
    TURTLE("text/turtle", "ttl", Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, false),
    NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES, RDFFormat.NTRIPLES, false),
    JSONLD("application/ld+json", "jsonld", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY, false),
    RDFXML("application/rdf+xml", "rdf", Lang.RDFXML, RDFFormat.RDFXML_PLAIN, false);

    final MediaType type;
    final String key;
    final Lang lang;
    final RDFFormat rdfFormat;
    final boolean tabular;

    ResultFormat(String type, String key, Lang lang, RDFFormat rdfFormat, boolean tabular) {
        this.type = MediaTypes.create(type);
        this.key = key;
        this.lang = lang;
        this.rdfFormat = rdfFormat;
        this.tabular = tabular;
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

    /**
     * The format for a result kind: {@code format=} (a short name or a media type) wins, then {@code Accept};
     * the first of the list when the client accepts anything; empty when nothing offered is acceptable.
     */
    static Optional<ResultFormat> choose(ServerRequest req, boolean tabular, String formatParam) {
        List<ResultFormat> offered = of(tabular);
        if (formatParam != null && !formatParam.isEmpty()) {
            return offered.stream().filter(f -> f.key.equals(formatParam) || f.type.text().equals(formatParam))
                    .findFirst();
        }
        if (!req.headers().contains(HeaderNames.ACCEPT)) {
            return Optional.of(offered.get(0));
        }
        MediaType[] types = offered.stream().map(f -> f.type).toArray(MediaType[]::new);
        return req.headers().bestAccepted(types)
                .flatMap(best -> offered.stream().filter(f -> f.type.equals(best)).findFirst());
    }
}

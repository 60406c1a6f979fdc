package fr.tissu.api.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.jsonld.JenaToTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The JSON-LD representation of REST resources: the store's own triples for the things shown, compacted with the
 * vocabulary's context (inlined, so the document stands alone and expands to exactly those triples).
 */
final class JsonLd {
    private static final JsonDocument CONTEXT;

    static {
        try {
            CONTEXT = JsonDocument.of(new StringReader(Vocabulary.text(Vocabulary.CONTEXT)));
        } catch (JsonLdError e) {
            throw new IllegalStateException("the vocabulary's JSON-LD context does not parse", e);
        }
    }

    private JsonLd() {
    }

    static void send(ServerResponse res, Graph graph) {
        try {
            JsonLdOptions options = new JsonLdOptions();
            // Everything is local: never fetch a document (no network wait on a closed machine).
            options.setDocumentLoader((url, o) -> {
                throw new JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                        "remote documents are not loaded: " + url);
            });
            JsonArray expanded = JenaToTitanium.convert(DatasetGraphFactory.wrap(graph), options);
            JsonObject compacted = com.apicatalog.jsonld.JsonLd.compact(JsonDocument.of(expanded), CONTEXT)
                    .options(options).get();
            res.header(HeaderNames.CONTENT_TYPE, "application/ld+json");
            try (OutputStream out = res.outputStream();
                 JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                         .createWriter(out)) {
                writer.writeObject(compacted);
            }
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

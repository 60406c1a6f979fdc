package fr.tissu.loader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes triples as expanded JSON-LD 1.1 (a top-level array of node objects), streaming: the triples of one
 * subject are kept until the next subject comes, so memory holds one thing at a time whatever the dataset's size.
 * A subject met again later gets a second node object with the same {@code @id}, which JSON-LD merges.
 */
final class JsonLdStream implements AutoCloseable {
    private final JsonGenerator json;
    private Node subject;
    private final Map<Node, List<Node>> values = new LinkedHashMap<>();

    JsonLdStream(OutputStream out) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void triple(Triple t) {
        if (!t.getSubject().equals(subject)) {
            flush();
            subject = t.getSubject();
        }
        values.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
    }

    private void flush() {
        if (subject == null) {
            return;
        }
        try {
            json.writeStartObject();
            json.writeStringField("@id", id(subject));
            for (Map.Entry<Node, List<Node>> e : values.entrySet()) {
                if (e.getKey().equals(RDF.type.asNode())) {
                    json.writeArrayFieldStart("@type");
                    for (Node type : e.getValue()) {
                        json.writeString(id(type));
                    }
                    json.writeEndArray();
                    continue;
                }
                json.writeArrayFieldStart(e.getKey().getURI());
                for (Node o : e.getValue()) {
                    json.writeStartObject();
                    if (o.isLiteral()) {
                        json.writeStringField("@value", o.getLiteralLexicalForm());
                        if (!o.getLiteralLanguage().isEmpty()) {
                            json.writeStringField("@language", o.getLiteralLanguage());
                        } else if (!o.getLiteralDatatypeURI().equals("http://www.w3.org/2001/XMLSchema#string")) {
                            json.writeStringField("@type", o.getLiteralDatatypeURI());
                        }
                    } else {
                        json.writeStringField("@id", id(o));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        values.clear();
    }

    private static String id(Node n) {
        return n.isBlank() ? "_:" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "") : n.getURI();
    }

    @Override
    public void close() {
        flush();
        try {
            json.writeEndArray();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

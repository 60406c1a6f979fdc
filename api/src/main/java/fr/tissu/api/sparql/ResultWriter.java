package fr.tissu.api.sparql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.tissu.vocabulary.Prefixes;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * Streams results: rows are written as they come, never collected (JSON-LD and RDF/XML, which need a whole graph,
 * are the exception, bounded by the row cap). A cut result says so: in SPARQL JSON with a top-level
 * {@code "truncated"} member after the results, in XML with a closing comment.
 */
final class ResultWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private ResultWriter() {
    }

    /** Counts rows and stops after {@code cap}, noting whether more were there. */
    static final class Capped implements Iterator<Binding> {
        private final ResultSet results;
        private final long cap;
        long rows;
        boolean truncated;

        Capped(ResultSet results, long cap) {
            this.results = results;
            this.cap = cap;
        }

        @Override
        public boolean hasNext() {
            if (rows >= cap) {
                truncated = truncated || results.hasNext();
                return false;
            }
            return results.hasNext();
        }

        @Override
        public Binding next() {
            rows++;
            return results.nextBinding();
        }
    }

    static void select(OutputStream out, ResultFormat format, List<String> vars, Capped rows, long cap)
            throws IOException {
        if (format == ResultFormat.JSON) {
            json(out, vars, rows, cap);
            return;
        }
        if (format == ResultFormat.CSV) {
            csv(out, vars, rows);
            return;
        }
        ResultsWriter.create().lang(format.lang).build()
                .write(out, RowSetStream.create(Var.varList(vars), rows));
        if (rows.truncated && format == ResultFormat.XML) {
            out.write(("<!-- truncated: this endpoint returns at most " + cap + " rows -->\n").getBytes());
        }
    }

    static void ask(OutputStream out, ResultFormat format, boolean answer) {
        ResultsWriter.create().lang(format.lang).build().write(out, answer);
    }

    /**
     * CONSTRUCT and DESCRIBE, streamed when the format allows. Writes at most {@code cap} triples; when there were
     * more, the streaming formats (Turtle, N-Triples) end with a comment that says so (the response's
     * {@code Tissu-Triple-Limit} header says the cap for every format).
     */
    static Written graph(OutputStream out, ResultFormat format, Iterator<Triple> triples, long cap) throws IOException {
        long n = 0;
        if (format.needsWholeGraph()) {
            var graph = GraphFactory.createDefaultGraph();
            graph.getPrefixMapping().setNsPrefixes(Prefixes.MAP);
            while (n < cap && triples.hasNext()) {
                graph.add(triples.next());
                n++;
            }
            RDFWriter.source(graph).format(format.rdfFormat).output(out);
            return new Written(n, triples.hasNext());
        }
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.rdfFormat);
        stream.start();
        if (format == ResultFormat.TURTLE) {
            StreamRDFOps.sendPrefixesToStream(Prefixes.MAP, stream);
        }
        while (n < cap && triples.hasNext()) {
            stream.triple(triples.next());
            n++;
        }
        stream.finish();
        if (triples.hasNext()) {
            out.write(("# truncated: this result stops after " + cap + " triples (Tissu-Triple-Limit)\n")
                    .getBytes(StandardCharsets.UTF_8));
            return new Written(n, true);
        }
        return new Written(n, false);
    }

    /** What {@link #graph} wrote: how many triples, and whether the result was cut. */
    record Written(long triples, boolean truncated) {
    }

    private static void json(OutputStream out, List<String> vars, Capped rows, long cap) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("head");
            g.writeArrayFieldStart("vars");
            for (String v : vars) {
                g.writeString(v);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("results");
            g.writeArrayFieldStart("bindings");
            while (rows.hasNext()) {
                Binding b = rows.next();
                g.writeStartObject();
                for (String v : vars) {
                    Node node = b.get(Var.alloc(v));
                    if (node != null) {
                        g.writeFieldName(v);
                        term(g, node);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            if (rows.truncated) {
                g.writeObjectFieldStart("truncated");
                g.writeNumberField("rowLimit", cap);
                g.writeStringField("message", "the result has more rows than this endpoint returns (" + cap
                        + "); add LIMIT/OFFSET or narrow the query");
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    /**
     * SPARQL 1.1 Query Results CSV: a header of variable names, CRLF line ends, IRIs and literals as their text,
     * blank nodes as {@code _:label} (labels local to the result), fields quoted when they hold a comma, a quote or a
     * line break.
     */
    private static void csv(OutputStream out, List<String> vars, Iterator<Binding> rows) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out,
                StandardCharsets.UTF_8), 1 << 16);
        List<Var> columns = Var.varList(vars);
        w.write(String.join(",", vars.stream().map(ResultWriter::csvField).toList()));
        w.write("\r\n");
        Map<Node, String> blanks = new HashMap<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                Node node = b.get(columns.get(i));
                if (node == null) {
                    continue;
                }
                String text = node.isBlank() ? blanks.computeIfAbsent(node, n -> "_:b" + blanks.size())
                        : node.isURI() ? node.getURI() : node.isLiteral() ? node.getLiteralLexicalForm()
                        : node.toString();
                w.write(csvField(text));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    private static String csvField(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static void term(JsonGenerator g, Node node) throws IOException {
        g.writeStartObject();
        if (node.isURI()) {
            g.writeStringField("type", "uri");
            g.writeStringField("value", node.getURI());
        } else if (node.isBlank()) {
            g.writeStringField("type", "bnode");
            g.writeStringField("value", node.getBlankNodeLabel());
        } else if (node.isLiteral()) {
            g.writeStringField("type", "literal");
            g.writeStringField("value", node.getLiteralLexicalForm());
            if (!node.getLiteralLanguage().isEmpty()) {
                g.writeStringField("xml:lang", node.getLiteralLanguage());
            } else if (node.getLiteralDatatypeURI() != null
                    && !node.getLiteralDatatypeURI().equals("http://www.w3.org/2001/XMLSchema#string")) {
                g.writeStringField("datatype", node.getLiteralDatatypeURI());
            }
        } else {
            g.writeStringField("type", "literal");
            g.writeStringField("value", node.toString());
        }
        g.writeEndObject();
    }
}

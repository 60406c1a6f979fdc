package fr.tissu.loader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.tissu.loader.FileReport.Status;
import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/** The RDF path of the {@link Loader}: parse with RIOT, check with the shapes, write the graph or nothing. */
final class RdfFileLoad {
    private RdfFileLoad() {
    }

    /**
     * Loads one RDF file into {@code graph} of {@code store} in one transaction, after the shapes accept it; with
     * {@code store} {@code null} (a dry run) into a scratch store.
     */
    static FileReport load(Store store, SourceFile source, Lang lang, Node graph, Loader.Options options,
                           long start) {
        String name = source.name();
        Store target = store == null ? Store.create(new StoreConfig("memory", null)) : store;
        long[] triples = {0};
        try (GraphWriter writer = target.replace(graph)) {
            try {
                RDFParser.source(source.path()).lang(lang).errorHandler(new FailingErrorHandler())
                        .parse(new StreamRDFBase() {
                            @Override
                            public void triple(Triple triple) {
                                writer.add(triple);
                                triples[0]++;
                            }

                            @Override
                            public void quad(Quad quad) {
                                writer.add(quad.asTriple());
                                triples[0]++;
                            }
                        });
            } catch (RdfSyntaxException e) {
                return Loader.failed(name, "rdf", graph, start, source, null,
                        new Problem(name, e.line, e.column < 0 ? null : "column " + e.column, null, e.getMessage()));
            }
            List<Problem> problems = new ArrayList<>();
            for (ShapeValidator.Violation v : ShapeValidator.validate(writer.content())) {
                problems.add(new Problem(name, 0, v.property() == null ? null : v.property().getURI(),
                        v.focus().toString(), v.message()));
            }
            Status status;
            if (!problems.isEmpty()) {
                status = options.dryRun() ? Status.INVALID : Status.REFUSED;
            } else if (options.dryRun()) {
                status = Status.VALID;
            } else {
                Provenance.add(writer, graph, name, "rdf", source.sha256(), triples[0], 0, Instant.ofEpochMilli(start),
                        options.publisher());
                writer.commit();
                status = Status.LOADED;
            }
            long written = status == Status.LOADED ? triples[0] : 0;
            return new FileReport(name, "rdf", graph.getURI(), status, triples[0], problems.isEmpty() ? triples[0] : 0,
                    problems.isEmpty() ? 0 : triples[0], 0, written, System.currentTimeMillis() - start,
                    source.sha256(), source.charset().name(), problems.size(), Loader.cap(problems), 0, List.of());
        } finally {
            if (store == null) {
                target.close();
            }
        }
    }

    /** Turns RIOT's syntax errors into an exception carrying line and column. */
    private static final class FailingErrorHandler implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            // Warnings (e.g. an unusual IRI) do not stop a load.
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RdfSyntaxException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RdfSyntaxException(message, line, col);
        }
    }

    private static final class RdfSyntaxException extends RiotException {

        private static final long serialVersionUID = 1L;

        final long line;
        final long column;

        RdfSyntaxException(String message, long line, long column) {
            super("RDF syntax error: " + message);
            this.line = Math.max(0, line);
            this.column = column;
        }
    }
}

package fr.tissu.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import fr.tissu.loader.FileReport.Status;
import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Loads source files into the store, one named graph per file, one transaction per file. Rows are mapped and
 * validated in batches (SHACL on each batch's triples), so memory stays flat whatever the file size and the store
 * is never queried row by row.
 */
public final class Loader {
    /** Problems kept in a report (all are counted). */
    public static final int MAX_PROBLEMS = 1000;
    private static final int BATCH = 2000;
    private static final long PROGRESS_EVERY_MS = 2000;

    /** Strict: a file loads only if every row is valid. Skip-invalid: valid rows load, the others are reported. */
    public enum Mode { STRICT, SKIP_INVALID }

    /**
     * How to load.
     *
     * @param mode     strict or skip-invalid
     * @param dryRun   validate only; the store is not touched
     * @param format   force a format, or {@code null} to detect it
     * @param progress print a progress line on stderr for long loads
     */
    public record Options(Mode mode, boolean dryRun, SourceFormat format, boolean progress) {
        /** Strict, for real, format detected, quiet. */
        public static Options strict() {
            return new Options(Mode.STRICT, false, null, false);
        }
    }

    private final Store store;
    private final Ids ids;
    private final ReferenceData reference = ReferenceData.get();

    /** A loader writing to {@code store} (may be {@code null} for dry runs only), minting URIs under {@code ids}. */
    public Loader(Store store, Ids ids) {
        this.store = store;
        this.ids = ids;
    }

    /** The graph a file goes to: {@code {base}/graph/{file name}}; loading the same name again replaces it. */
    public Node graphFor(Path file) {
        return ids.graph(file.getFileName().toString());
    }

    /** Loads the shipped reference data (communes, EPCIs, départements, régions) into its own graph. */
    public FileReport loadReference() {
        long start = System.currentTimeMillis();
        Node graph = ids.graph("reference-communes");
        long[] count = {0};
        try (GraphWriter writer = store.replace(graph)) {
            reference.triples(ids, t -> {
                writer.add(t);
                count[0]++;
            });
            Provenance.add(writer, graph, "decoupage-administratif-6.0.0 (Etalab, INSEE)", "reference", null,
                    reference.communeCount(), 0, Instant.ofEpochMilli(start));
            writer.commit();
        }
        return new FileReport("reference communes", "reference", graph.getURI(), Status.LOADED,
                reference.communeCount(), reference.communeCount(), 0, count[0],
                System.currentTimeMillis() - start, null, "UTF-8", 0, List.of());
    }

    /** Loads (or, for a dry run, validates) one file. */
    public FileReport load(Path file, Options options) {
        long start = System.currentTimeMillis();
        String name = file.getFileName().toString();
        Node graph = graphFor(file);
        if (!Files.isRegularFile(file)) {
            return failed(name, "?", graph, start, null, null, new Problem(name, 0, null, null, "no such file"));
        }
        SourceFile source = SourceFile.inspect(file);
        Optional<Lang> rdf = Optional.ofNullable(RDFLanguages.filenameToLang(name))
                .filter(lang -> !lang.equals(Lang.CSV) && !lang.equals(Lang.TSV));
        if (options.format() == SourceFormat.RDF || (options.format() == null && rdf.isPresent())) {
            return loadRdf(source, rdf.orElse(Lang.TURTLE), graph, options, start);
        }
        return loadCsv(source, graph, options, start);
    }

    private FileReport loadCsv(SourceFile source, Node graph, Options options, long start) {
        String name = source.name();
        Batch batch = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(source.path()),
                source.charset()), 1 << 16)) {
            skipBom(reader);
            char delimiter = delimiter(reader);
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(reader);
            var records = parser.iterator();
            if (!records.hasNext()) {
                return failed(name, "?", graph, start, source, null, new Problem(name, 1, null, null, "empty file"));
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            CSVRecord header = records.next();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            SourceFormat format = options.format() != null ? options.format()
                    : SourceFormat.fromHeader(columns.keySet()).orElse(null);
            if (format == null || format == SourceFormat.RDF) {
                return failed(name, "?", graph, start, source, null, new Problem(name, 1, null, null,
                        "unknown CSV layout: the header matches none of rna, activities, indicators, support-points"
                                + " (use --format to force one)"));
            }
            Mapper mapper = mapper(format);
            GraphWriter writer = options.dryRun() ? null : store.replace(graph);
            try (writer) {
                if (writer == null) {
                    batch = new Batch(name, format, graph, options, null, null, mapper, start);
                    Status status = readRows(parser, records, header.size(), columns, delimiter, batch);
                    return status == Status.FAILED ? batch.report(status, source) : batch.finish(source);
                }
                // Parsing, mapping and validating run on a second thread while this one writes to the store.
                Pipeline pipeline = new Pipeline();
                batch = new Batch(name, format, graph, options, writer, pipeline::put, mapper, start);
                Batch rows = batch;
                Status status = pipeline.run(() -> readRows(parser, records, header.size(), columns, delimiter, rows),
                        writer);
                return status == Status.FAILED ? batch.report(status, source) : batch.finish(source);
            }
        } catch (IOException e) {
            return failed(name, "?", graph, start, source, batch, new Problem(name, 0, null, null, e.getMessage()));
        }
    }

    /** Reads every row into {@code batch}; returns {@link Status#FAILED} on malformed CSV, {@code null} otherwise. */
    private static Status readRows(CSVParser parser, Iterator<CSVRecord> records, int width,
                                   Map<String, Integer> columns, char delimiter, Batch batch) {
        long lastLine = parser.getCurrentLineNumber();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                batch.problems.add(new Problem(batch.name, lastLine + 1, null, null, "malformed CSV: " + rootMessage(e)));
                batch.problemCount++;
                return Status.FAILED;
            }
            List<String> values = record.toList();
            Row row = new Row(batch.name, lastLine + 1, columns, values);
            lastLine = parser.getCurrentLineNumber();
            if (values.size() != width) {
                row.reject(null, "expected " + width + " fields, found " + values.size() + " (delimiter '"
                        + delimiter + "')");
            }
            batch.add(row);
        }
        batch.flush();
        return null;
    }

    private FileReport loadRdf(SourceFile source, Lang lang, Node graph, Options options, long start) {
        String name = source.name();
        Store target = options.dryRun() ? Store.create(new StoreConfig("memory", null)) : store;
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
                return failed(name, "rdf", graph, start, source, null,
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
                Provenance.add(writer, graph, name, "rdf", source.sha256(), triples[0], 0, Instant.ofEpochMilli(start));
                writer.commit();
                status = Status.LOADED;
            }
            long written = status == Status.LOADED ? triples[0] : 0;
            return new FileReport(name, "rdf", graph.getURI(), status, triples[0], problems.isEmpty() ? triples[0] : 0,
                    problems.isEmpty() ? 0 : triples[0], written, System.currentTimeMillis() - start, source.sha256(),
                    source.charset().name(), problems.size(), cap(problems));
        } finally {
            if (options.dryRun()) {
                target.close();
            }
        }
    }

    private Mapper mapper(SourceFormat format) {
        return switch (format) {
            case RNA -> new RnaMapper(ids, reference);
            case ACTIVITIES -> new ActivityMapper(ids, reference);
            case INDICATORS -> new IndicatorMapper(ids, reference);
            case SUPPORT_POINTS -> new SupportPointMapper(ids, reference);
            case RDF -> throw new IllegalArgumentException("RDF has no row mapper");
        };
    }

    private static FileReport failed(String name, String format, Node graph, long start, SourceFile source,
                                     Batch batch, Problem problem) {
        return new FileReport(name, format, graph.getURI(), Status.FAILED, batch == null ? 0 : batch.rows, 0,
                batch == null ? 0 : batch.rows, 0, System.currentTimeMillis() - start,
                source == null ? null : source.sha256(), source == null ? null : source.charset().name(), 1,
                List.of(problem));
    }

    private static List<Problem> cap(List<Problem> problems) {
        return problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : List.copyOf(problems);
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The most frequent of {@code ; , TAB} in the header line. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        String header = reader.readLine();
        reader.reset();
        if (header == null) {
            return ';';
        }
        char best = ';';
        long bestCount = -1;
        for (char c : new char[] {';', ',', '\t'}) {
            long count = header.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Rows mapped but not yet validated, and the counts of one file. */
    private final class Batch {
        private record Pending(Row row, RowTriples triples) {
        }

        final String name;
        final SourceFormat format;
        final Node graph;
        final Options options;
        final GraphWriter writer;
        final Consumer<List<Triple>> sink;
        final Mapper mapper;
        final long start;
        final List<Pending> pending = new ArrayList<>(BATCH);
        final List<Problem> problems = new ArrayList<>();
        long rows;
        long accepted;
        long rejected;
        long problemCount;
        long lastProgress;

        Batch(String name, SourceFormat format, Node graph, Options options, GraphWriter writer,
              Consumer<List<Triple>> sink, Mapper mapper, long start) {
            this.name = name;
            this.format = format;
            this.graph = graph;
            this.options = options;
            this.writer = writer;
            this.sink = sink;
            this.mapper = mapper;
            this.start = start;
            this.lastProgress = start;
        }

        void add(Row row) {
            RowTriples triples = new RowTriples();
            if (row.valid()) {
                mapper.map(row, triples);
            }
            pending.add(new Pending(row, triples));
            rows++;
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            Graph data = GraphFactory.createGraphMem();
            Map<Node, List<Pending>> owners = new HashMap<>();
            for (Pending p : pending) {
                if (p.row().valid()) {
                    p.triples().triples.forEach(data::add);
                    for (Node subject : p.triples().subjects) {
                        owners.computeIfAbsent(subject, k -> new ArrayList<>(1)).add(p);
                    }
                }
            }
            if (!data.isEmpty()) {
                for (ShapeValidator.Violation v : ShapeValidator.validate(data)) {
                    List<Pending> owning = owners.getOrDefault(v.focus(), owners.get(Ids.whole(v.focus())));
                    String column = v.property() == null ? null : mapper.columns().get(v.property());
                    for (Pending p : owning == null ? List.<Pending>of() : owning) {
                        p.row().reject(column, v.message());
                    }
                }
            }
            boolean writing = sink != null && (options.mode() == Mode.SKIP_INVALID || rejected == 0);
            for (Pending p : pending) {
                if (p.row().valid()) {
                    accepted++;
                } else {
                    rejected++;
                    writing = writing && options.mode() == Mode.SKIP_INVALID;
                    for (Problem problem : p.row().problems()) {
                        problemCount++;
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(problem);
                        }
                    }
                }
            }
            if (writing) {
                List<Triple> accepted = new ArrayList<>();
                for (Pending p : pending) {
                    if (p.row().valid()) {
                        accepted.addAll(p.triples().triples);
                    }
                }
                sink.accept(accepted);
            }
            pending.clear();
            progress();
        }

        private void progress() {
            long now = System.currentTimeMillis();
            if (options.progress() && now - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = now;
                System.err.printf("\r%s: %,d rows, %,d rows/s   ", name, rows, rows * 1000 / Math.max(1, now - start));
            }
        }

        FileReport finish(SourceFile source) {
            if (options.progress() && lastProgress != start) {
                System.err.println();
            }
            Status status;
            if (options.dryRun()) {
                status = rejected == 0 ? Status.VALID : Status.INVALID;
            } else if (rejected > 0 && options.mode() == Mode.STRICT) {
                status = Status.REFUSED;
            } else {
                Provenance.add(writer, graph, name, format.key(), source.sha256(), accepted, rejected,
                        Instant.ofEpochMilli(start));
                writer.commit();
                status = rejected == 0 ? Status.LOADED : Status.LOADED_WITH_REJECTIONS;
            }
            return report(status, source);
        }

        FileReport report(Status status, SourceFile source) {
            boolean written = status == Status.LOADED || status == Status.LOADED_WITH_REJECTIONS;
            return new FileReport(name, format.key(), graph.getURI(), status, rows, accepted, rejected,
                    written ? writer.count() : 0, System.currentTimeMillis() - start, source.sha256(),
                    source.charset().name(), problemCount, List.copyOf(problems));
        }
    }

    /**
     * A reader thread hands batches of accepted triples to the calling thread, which owns the store's write
     * transaction (TDB2 transactions belong to one thread). A bounded queue keeps memory flat.
     */
    private static final class Pipeline {
        private static final List<Triple> END = new ArrayList<>(0);
        private final BlockingQueue<List<Triple>> queue = new ArrayBlockingQueue<>(4);

        void put(List<Triple> triples) {
            try {
                queue.put(triples);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("load abandoned");
            }
        }

        <T> T run(Callable<T> reader, GraphWriter writer) {
            FutureTask<T> task = new FutureTask<>(() -> {
                try {
                    return reader.call();
                } finally {
                    try {
                        queue.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Thread.ofPlatform().name("tissu-load-reader").daemon().start(task);
            try {
                for (List<Triple> batch = queue.take(); batch != END; batch = queue.take()) {
                    batch.forEach(writer::add);
                }
                return task.get();
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("load interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (RuntimeException e) {
                task.cancel(true);
                throw e;
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
        final long line;
        final long column;

        RdfSyntaxException(String message, long line, long column) {
            super("RDF syntax error: " + message);
            this.line = Math.max(0, line);
            this.column = column;
        }
    }
}

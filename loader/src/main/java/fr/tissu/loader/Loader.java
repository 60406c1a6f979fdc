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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import fr.tissu.loader.FileReport.Status;
import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Vocab;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Loads source files into the store, one named graph per file, one transaction per file. Rows are mapped and
 * validated in batches (SHACL on each batch's triples), so memory stays flat whatever the file size and the store
 * is never queried row by row. The CSV reading, the RDF path and the reader thread are {@link CsvRows},
 * {@link RdfFileLoad} and {@link LoadPipeline}; this class keeps the per-file transaction and its {@link Batch}
 * (mapping, validation, counts), which share one report, and is a little over 300 lines for it.
 */
public final class Loader {
    /** Problems kept in a report (all are counted). */
    public static final int MAX_PROBLEMS = 1000;
    private static final int BATCH = 2000;
    private static final long PROGRESS_EVERY_MS = 2000;
    private static final java.time.Duration ORGANISER_TIMEOUT = java.time.Duration.ofMinutes(1);

    /** Strict: a file loads only if every row is valid. Skip-invalid: valid rows load, the others are reported. */
    public enum Mode { STRICT, SKIP_INVALID }

    /**
     * How to load.
     *
     * @param mode     strict or skip-invalid
     * @param dryRun   validate only; the store is not touched
     * @param format   force a format, or {@code null} to detect it
     * @param progress  print a progress line on stderr for long loads
     * @param publisher who publishes (the name of the token a file was sent with), recorded in the source graph's
     *                  provenance as {@code prov:wasAttributedTo}; {@code null} for the command line
     * @param territory the communes rows are kept for ({@code tissu.territory}); the others are counted as outside
     * @param requireAssociations an activity whose association is neither published nor in the files of the same
     *                  publication is an error (the row is rejected) rather than a warning
     */
    public record Options(Mode mode, boolean dryRun, SourceFormat format, boolean progress, String publisher,
                          Territory territory, boolean requireAssociations) {
        /** Everywhere when no territory is given. */
        public Options {
            territory = territory == null ? Territory.EVERYWHERE : territory;
        }

        /** Options without a territory, unknown associations a warning. */
        public Options(Mode mode, boolean dryRun, SourceFormat format, boolean progress, String publisher) {
            this(mode, dryRun, format, progress, publisher, Territory.EVERYWHERE, false);
        }

        /** Options without a publisher (the command line). */
        public Options(Mode mode, boolean dryRun, SourceFormat format, boolean progress) {
            this(mode, dryRun, format, progress, null);
        }

        /** The same options, keeping the rows of {@code territory} only. */
        public Options within(Territory t) {
            return new Options(mode, dryRun, format, progress, publisher, t, requireAssociations);
        }

        /** The same options, an unknown association an error when {@code required}. */
        public Options requiringAssociations(boolean required) {
            return new Options(mode, dryRun, format, progress, publisher, territory, required);
        }

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
                reference.communeCount(), reference.communeCount(), 0, 0, count[0],
                System.currentTimeMillis() - start, null, "UTF-8", 0, List.of(), 0, List.of());
    }

    /**
     * The CSV format a file's header names, without reading further; empty for RDF, an unreadable file or an unknown
     * header (its load then says why).
     */
    public static Optional<SourceFormat> detect(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SourceFile source = SourceFile.inspect(file);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                source.charset()), 1 << 16)) {
            CsvRows.skipBom(reader);
            char delimiter = CsvRows.delimiter(reader);
            String header = reader.readLine();
            if (header == null) {
                return Optional.empty();
            }
            Set<String> columns = new HashSet<>();
            for (String column : header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
                columns.add(column.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            return SourceFormat.fromHeader(columns);
        } catch (IOException e) {
            return Optional.empty();
        }
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
        if (source.mixed() != null) {
            return failed(name, "?", graph, start, source, null, new Problem(name, source.mixed().line(),
                    "column " + source.mixed().column(), null, source.mixed().reason()));
        }
        Optional<Lang> rdf = Optional.ofNullable(RDFLanguages.filenameToLang(name))
                .filter(lang -> !lang.equals(Lang.CSV) && !lang.equals(Lang.TSV));
        if (options.format() == SourceFormat.RDF || (options.format() == null && rdf.isPresent())) {
            return RdfFileLoad.load(options.dryRun() ? null : store, source, rdf.orElse(Lang.TURTLE), graph, options,
                    start);
        }
        return loadCsv(source, graph, options, start);
    }

    private FileReport loadCsv(SourceFile source, Node graph, Options options, long start) {
        String name = source.name();
        Batch batch = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(source.path()),
                source.charset()), 1 << 16)) {
            CsvRows.skipBom(reader);
            char delimiter = CsvRows.delimiter(reader);
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(reader);
            var records = parser.iterator();
            CSVRecord header;
            try {
                if (!records.hasNext()) {
                    return failed(name, "?", graph, start, source, null, new Problem(name, 1, null, null,
                            "empty file"));
                }
                header = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return failed(name, "?", graph, start, source, null, new Problem(name, 1, null, null,
                        "malformed CSV header: " + CsvRows.rootMessage(e) + " (the columns must be separated by ';', "
                                + "',' or a tab)"));
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
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
                    Status status = CsvRows.read(parser, records, header.size(), columns, delimiter, batch);
                    return status == Status.FAILED ? batch.report(status, source) : batch.finish(source);
                }
                // Parsing, mapping and validating run on a second thread while this one writes to the store.
                LoadPipeline pipeline = new LoadPipeline();
                batch = new Batch(name, format, graph, options, writer, pipeline::put, mapper, start);
                Batch rows = batch;
                Status status = pipeline.run(
                        () -> CsvRows.read(parser, records, header.size(), columns, delimiter, rows), writer);
                return status == Status.FAILED ? batch.report(status, source) : batch.finish(source);
            }
        } catch (IOException e) {
            return failed(name, "?", graph, start, source, batch, new Problem(name, 0, null, null, e.getMessage()));
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

    static FileReport failed(String name, String format, Node graph, long start, SourceFile source,
                          Batch batch, Problem problem) {
        return new FileReport(name, format, graph.getURI(), Status.FAILED, batch == null ? 0 : batch.rows, 0,
                batch == null ? 0 : batch.rows, 0, 0, System.currentTimeMillis() - start,
                source == null ? null : source.sha256(), source == null ? null : source.charset().name(), 1,
                List.of(problem), 0, List.of());
    }

    static List<Problem> cap(List<Problem> problems) {
        return problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : List.copyOf(problems);
    }

    /** Rows mapped but not yet validated, and the counts of one file. */
    final class Batch {
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
        final List<Problem> warnings = new ArrayList<>();
        long rows;
        long accepted;
        long rejected;
        long outside;
        long problemCount;
        long warningCount;
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
            String column = mapper.communeColumn();
            if (column != null && options.territory().excludes(row.text(column), reference)) {
                row.outside();
            } else if (row.valid()) {
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
            if (format == SourceFormat.ACTIVITIES) {
                checkOrganisers();
            }
            boolean writing = sink != null && (options.mode() == Mode.SKIP_INVALID || rejected == 0);
            for (Pending p : pending) {
                if (p.row().isOutside()) {
                    outside++;
                } else if (p.row().valid()) {
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

        /**
         * Activities whose association is not published: a warning, or (with {@link Options#requireAssociations})
         * the row's error. One query per batch, for the batch's distinct associations; the files of a publication
         * are loaded associations first ({@link Publication}), so those are in the store by now.
         */
        private void checkOrganisers() {
            Map<Node, List<Row>> byOrganiser = new LinkedHashMap<>();
            for (Pending p : pending) {
                if (p.row().valid()) {
                    for (Triple t : p.triples().triples) {
                        if (t.getPredicate().equals(Vocab.Schema.organizer)) {
                            byOrganiser.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(p.row());
                        }
                    }
                }
            }
            if (byOrganiser.isEmpty() || store == null) {
                return;
            }
            Set<Node> known = new HashSet<>();
            store.select("SELECT DISTINCT ?a WHERE { VALUES ?a { " + Sparql.terms(byOrganiser.keySet())
                    + "} GRAPH ?g { ?a a " + Sparql.term(Vocab.Schema.NGO) + " } }", ORGANISER_TIMEOUT,
                    row -> known.add(row.get("a").asNode()));
            byOrganiser.forEach((organiser, rows) -> {
                if (known.contains(organiser)) {
                    return;
                }
                for (Row row : rows) {
                    String reason = "unknown association: not published, and not in the files of this publication"
                            + " (load its RNA file, or correct the number)";
                    if (options.requireAssociations()) {
                        row.reject("association", reason);
                    } else {
                        warningCount++;
                        if (warnings.size() < MAX_PROBLEMS) {
                            warnings.add(new Problem(name, row.line(), "association", row.text("association"),
                                    reason));
                        }
                    }
                }
            });
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
                        Instant.ofEpochMilli(start), options.publisher());
                writer.commit();
                status = rejected == 0 ? Status.LOADED : Status.LOADED_WITH_REJECTIONS;
            }
            return report(status, source);
        }

        FileReport report(Status status, SourceFile source) {
            boolean written = status == Status.LOADED || status == Status.LOADED_WITH_REJECTIONS;
            return new FileReport(name, format.key(), graph.getURI(), status, rows, accepted, rejected, outside,
                    written ? writer.count() : 0, System.currentTimeMillis() - start, source.sha256(),
                    source.charset().name(), problemCount, problems, warningCount, warnings);
        }
    }
}

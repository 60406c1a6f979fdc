package fr.tissu.loader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.tissu.loader.ComputedIndicators;
import fr.tissu.loader.Dumps;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.loader.Problem;
import fr.tissu.loader.SourceFormat;
import fr.tissu.loader.VocabularyGraph;
import fr.tissu.search.ChangeLog;
import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tissu load}: loads files into the store, one named graph per file, all-or-nothing per file.
 * Example: {@code ./tissu load --report report.json rna_waldec_35.csv activites.csv}.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load source files into the store: RNA extracts, activities, indicators, digital-support "
                + "points (lieux de médiation numérique CSV) and RDF files.",
            "Each file goes to its own named graph; loading the same file name again replaces it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file loaded, no row rejected", "1:loaded, but rows were rejected (--skip-invalid)",
            "2:a file was refused (invalid rows in strict mode): the store is unchanged for it",
            "3:a file could not be read", "4:the store could not be opened", "64:bad usage"})
public class LoadCommand implements Callable<Integer> {
    private final String defaultBase;
    private final String territory;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    @Option(names = "--base", paramLabel = "URI", description = "base URI of the things' URIs (default: the service's "
            + "configured base-uri, else the base the store's data is named under)")
    String base;

    @ArgGroup(exclusive = true)
    ModeOption mode = new ModeOption();

    @Option(names = "--dry-run", description = "validate only; the store is not touched")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", description = "force the format: rna, activities, indicators, "
            + "support-points or rdf (default: detected from the header or the extension)")
    String format;

    @Option(names = "--report", paramLabel = "FILE", description = "write a JSON report of every file and rejected row")
    Path report;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to load")
    List<Path> files = new ArrayList<>();

    static final class ModeOption {
        @Option(names = "--strict", description = "load a file only if every row is valid (the default)")
        boolean strict;

        @Option(names = "--skip-invalid", description = "load the valid rows and report the others")
        boolean skipInvalid;
    }

    /** A load command whose URIs default to {@code defaultBase}, without a configured territory. */
    public LoadCommand(String defaultBase) {
        this(defaultBase, null);
    }

    /**
     * A load command whose URIs default to {@code defaultBase}, for an instance serving {@code territory} (an EPCI's
     * SIREN or an INSEE commune code; {@code null}: the communes with activities).
     */
    public LoadCommand(String defaultBase, String territory) {
        this.defaultBase = defaultBase;
        this.territory = territory;
    }

    @Override
    public Integer call() {
        Loader.Mode loadMode = mode.skipInvalid ? Loader.Mode.SKIP_INVALID : Loader.Mode.STRICT;
        SourceFormat forced = format == null ? null : SourceFormat.fromKey(format);
        Loader.Options options = new Loader.Options(loadMode, dryRun, forced, true);
        List<FileReport> reports = new ArrayList<>();
        if (dryRun) {
            Loader loader = new Loader(null, DataDirectory.ids(base, defaultBase, null));
            files.forEach(f -> reports.add(loader.load(f, options)));
        } else {
            Store store = DataDirectory.openStore(data);
            if (store == null) {
                return ExitCode.STORE_UNAVAILABLE.code();
            }
            try (store; SearchIndex index = SearchIndex.open(data.resolve("search"))) {
                long before = store.version();
                Ids ids = DataDirectory.ids(base, defaultBase, store);
                // the base is recorded in the store with the vocabulary graph: a later serve names what it adds
                // (reference communes, computed indicators) under the same base, whatever its port
                VocabularyGraph.ensure(store, ids);
                Loader loader = new Loader(store, ids);
                files.forEach(f -> reports.add(loader.load(f, options)));
                if (reports.stream().anyMatch(r -> r.status() != FileReport.Status.REFUSED
                        && r.status() != FileReport.Status.FAILED)) {
                    // the computed indicators follow what was loaded
                    ComputedIndicators.Result computed = ComputedIndicators.recompute(store, ids, territory, data);
                    System.out.println("computed indicators: " + computed.observations() + " observations "
                            + computed.perIndicator() + (computed.unreadableHours().isEmpty() ? ""
                            : ", opening hours not understood: " + computed.unreadableHours()));
                }
                // The index follows in the same run: the graphs that changed are read again.
                List<Node> changed = reports.stream().filter(r -> r.status() != FileReport.Status.REFUSED
                        && r.status() != FileReport.Status.FAILED && r.graph() != null)
                        .map(r -> NodeFactory.createURI(r.graph())).distinct().toList();
                if (!changed.isEmpty() || index.version() != store.version()) {
                    // what the load added, modified and removed goes to the change feed
                    ChangeLog.append(data.resolve(ChangeLog.FILE), store.version(),
                            store.lastModified(), index.update(store, changed, before));
                }
                // and the downloadable dumps of the catalogue
                Dumps.refreshIfStale(store, ids, data.resolve("downloads"));
            }
        }
        ExitCode exit = ExitCode.of(reports);
        print(reports, System.out);
        if (report != null) {
            writeReport(reports, exit, report);
        }
        return exit.code();
    }

    /** The human summary: one line per file, then its first problems. */
    static void print(List<FileReport> reports, PrintStream out) {
        for (FileReport r : reports) {
            out.println(r.summary());
            r.problems().stream().limit(20).forEach(p -> out.println("  " + p));
            if (r.problemCount() > 20) {
                out.println("  … and " + (r.problemCount() - 20) + " more problems (see --report)");
            }
            if (r.status() == FileReport.Status.REFUSED) {
                out.println("  nothing was loaded from this file; fix the rows above or use --skip-invalid");
            }
        }
    }

    static void writeReport(List<FileReport> reports, ExitCode exit, Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exitCode", exit.code());
        json.put("outcome", exit.name().toLowerCase());
        List<Map<String, Object>> list = new ArrayList<>();
        for (FileReport r : reports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("format", r.format());
            m.put("graph", r.graph());
            m.put("status", r.status().name().toLowerCase());
            m.put("rows", r.rows());
            m.put("accepted", r.accepted());
            m.put("rejected", r.rejected());
            m.put("triples", r.triples());
            m.put("millis", r.millis());
            m.put("rowsPerSecond", r.rowsPerSecond());
            m.put("triplesPerSecond", r.triplesPerSecond());
            m.put("sha256", r.sha256());
            m.put("encoding", r.encoding());
            m.put("problemCount", r.problemCount());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (Problem p : r.problems()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("line", p.line());
                pm.put("column", p.column());
                pm.put("value", p.value());
                pm.put("reason", p.reason());
                problems.add(pm);
            }
            m.put("problems", problems);
            list.add(m);
        }
        json.put("files", list);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

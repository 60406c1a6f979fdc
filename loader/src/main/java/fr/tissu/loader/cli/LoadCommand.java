package fr.tissu.loader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.loader.Publication;
import fr.tissu.loader.SourceFormat;
import fr.tissu.loader.Territory;
import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "3:a file could not be read", "4:the store could not be opened (or the service could not be reached, or "
                + "refused the token)", "64:bad usage"})
public class LoadCommand implements Callable<Integer> {
    private final String defaultBase;
    private final String spatial;
    private final Territory territory;

    @Mixin
    Destination to = new Destination();

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

    @Option(names = "--require-associations", description = "an activity whose association is neither published nor "
            + "in the files loaded is an error, not a warning")
    boolean requireAssociations;

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
        this(defaultBase, null, Territory.EVERYWHERE);
    }

    /**
     * A load command whose URIs default to {@code defaultBase}, for an instance whose computed indicators cover
     * {@code spatial} (an EPCI's SIREN or an INSEE commune code; {@code null}: the communes with activities) and whose
     * loads keep the rows of {@code territory}.
     */
    public LoadCommand(String defaultBase, String spatial, Territory territory) {
        this.defaultBase = defaultBase;
        this.spatial = spatial;
        this.territory = territory;
    }

    @Override
    public Integer call() {
        Loader.Mode loadMode = mode.skipInvalid ? Loader.Mode.SKIP_INVALID : Loader.Mode.STRICT;
        SourceFormat forced = format == null ? null : SourceFormat.fromKey(format);
        Loader.Options options = new Loader.Options(loadMode, dryRun, forced, true).within(territory)
                .requiringAssociations(requireAssociations);
        List<FileReport> reports = new ArrayList<>();
        Store store = null;
        URI remote = to.server();
        Path data = to.data;
        // a dry run reads the store when there is one (to find the activities' associations), never creates it
        if (remote == null && (!dryRun || Files.isDirectory(data.resolve("tdb2")))) {
            try {
                store = DataDirectory.open(data);
            } catch (RuntimeException e) {
                // a server holds the store: publish (or validate) through it
                remote = RemoteLoad.serverOf(data).orElse(null);
                if (remote == null && !dryRun) {
                    System.err.println("cannot open the store in " + data + ": " + e.getMessage());
                    return ExitCode.STORE_UNAVAILABLE.code();
                }
            }
        }
        if (remote != null) {
            Integer refused = to.through(remote, service -> reports.addAll(service.load(files, options)));
            if (refused != null) {
                return refused;
            }
        } else if (dryRun) {
            try (Store opened = store) {
                Loader loader = new Loader(opened, DataDirectory.ids(base, defaultBase, opened));
                files.forEach(f -> reports.add(loader.load(f, options)));
            }
        } else {
            try (Store opened = store; SearchIndex index = SearchIndex.open(data.resolve("search"))) {
                Ids ids = DataDirectory.ids(base, defaultBase, opened);
                Publication publication = new Publication(opened, index, ids, spatial, data);
                Publication.Result result = publication.load(files, options, r -> { });
                reports.addAll(result.reports());
                if (result.computed() != null) {
                    System.out.println("computed indicators: " + result.computed().observations() + " observations "
                            + result.computed().perIndicator() + (result.computed().unreadableHours().isEmpty() ? ""
                            : ", opening hours not understood: " + result.computed().unreadableHours()));
                }
                publication.refreshDumps();
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
            r.warnings().stream().limit(20).forEach(p -> out.println("  warning: " + p));
            if (r.warningCount() > 20) {
                out.println("  … and " + (r.warningCount() - 20) + " more warnings (see --report)");
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
        List<Map<String, Object>> list = reports.stream().map(FileReport::json).toList();
        json.put("files", list);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

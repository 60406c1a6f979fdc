package fr.tissu.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import fr.tissu.api.core.Instance;
import fr.tissu.api.sparql.Examples;
import fr.tissu.loader.ComputedIndicators;
import fr.tissu.loader.Dumps;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.loader.VocabularyGraph;
import fr.tissu.search.ChangeLog;
import fr.tissu.search.Changes;
import fr.tissu.store.Store;

/**
 * Brings a store to life: the vocabulary graph is always current, and an empty store gets the reference communes
 * and the bundled synthetic sample, so a newcomer sees a living service.
 */
public final class Bootstrap {
    /** The bundled sample files, in load order. */
    public static final List<String> SAMPLE = List.of("rna_waldec_synthetique.csv", "activites.csv",
            "indicateurs.csv", "points-appui-numerique.csv");
    private static final System.Logger LOG = System.getLogger(Bootstrap.class.getName());

    private Bootstrap() {
    }

    /** Prepares the store of {@code tissu}; returns the reports of what was loaded. */
    public static List<FileReport> prepare(Instance tissu) {
        Store store = tissu.store();
        Loader loader = new Loader(store, tissu.ids());
        List<FileReport> reports = new ArrayList<>();
        boolean empty = store.graphs().isEmpty();
        VocabularyGraph.ensure(store, tissu.ids());
        var examples = Examples.all();
        VocabularyGraph.ensure(store, tissu.ids().graph("sparql-examples"), VocabularyGraph.checksum(
                examples.stream().map(e -> e.iri() + e.query() + e.title() + e.description() + e.keywords()).toList()),
                Examples.graph(), "sparql-examples");
        if (empty && tissu.config().loadSampleOnEmpty()) {
            LOG.log(System.Logger.Level.INFO, "first start on an empty store: loading the reference communes and the "
                    + "synthetic sample, then indexing them (about a minute)");
            LOG.log(System.Logger.Level.INFO, "loading the reference communes…");
            reports.add(loader.loadReference());
            LOG.log(System.Logger.Level.INFO, reports.get(0).summary());
            reports.addAll(loadSample(loader));
        } else if (!store.graphs().contains(tissu.ids().graph("reference-communes"))) {
            // a store filled by 'tissu load' alone: the communes its data points to must be there too
            FileReport reference = loader.loadReference();
            LOG.log(System.Logger.Level.INFO, reference.summary());
            reports.add(reference);
        }
        if (!reports.isEmpty() || !store.graphs().contains(tissu.ids().graph(ComputedIndicators.GRAPH))) {
            LOG.log(System.Logger.Level.INFO, "computing the charter indicators that come from the data…");
            recomputeIndicators(tissu);
        }
        // derived data: brought to the store's version, and what an interrupted run committed goes to the feed
        try (Changes changes = tissu.index().catchUp(store)) {
            ChangeLog.append(tissu.config().dataDir().resolve(ChangeLog.FILE), store.version(), store.lastModified(),
                    changes);
        }
        return reports;
    }

    /**
     * Computes the computed indicators again from the store and the request counts of the data directory (after
     * loads, and daily for the request counts); the search index is told of the new store version.
     */
    public static ComputedIndicators.Result recomputeIndicators(Instance tissu) {
        long before = tissu.store().version();
        ComputedIndicators.Result result = ComputedIndicators.recompute(tissu.store(), tissu.ids(),
                tissu.config().catalog().spatial(), tissu.config().dataDir());
        if (tissu.index().version() == before) {
            tissu.index().update(tissu.store(), List.of(tissu.ids().graph(ComputedIndicators.GRAPH)), before).close();
        }
        return result;
    }

    /**
     * Writes the downloadable dumps again when they do not reflect the store (after loads made while the service was
     * stopped, or at a first start). It can take minutes on a big store: {@code serve} runs it after the server has
     * started, and the catalogue lists the files that are there meanwhile.
     */
    public static void refreshDumps(Instance tissu) {
        Dumps.refreshIfStale(tissu.store(), tissu.ids(), tissu.config().dataDir().resolve("downloads"));
    }

    /** Loads the bundled sample files. */
    public static List<FileReport> loadSample(Loader loader) {
        List<FileReport> reports = new ArrayList<>();
        try {
            Path dir = Files.createTempDirectory("tissu-sample");
            for (String name : SAMPLE) {
                Path file = dir.resolve(name);
                try (InputStream in = Loader.class.getResourceAsStream("sample/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample file missing from the build: " + name);
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                LOG.log(System.Logger.Level.INFO, "loading the sample's " + name + "…");
                FileReport report = loader.load(file, Loader.Options.strict());
                LOG.log(System.Logger.Level.INFO, report.summary());
                reports.add(report);
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reports;
    }
}

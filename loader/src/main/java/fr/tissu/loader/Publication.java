package fr.tissu.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import fr.tissu.search.ChangeLog;
import fr.tissu.search.Changes;
import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Publishing into one data directory: files loaded (or a source removed), then what derives from the store brought
 * up to date in the same run — the computed indicators, the search index and the change feed it writes (removed
 * things as tombstones). The dumps follow with {@link #refreshDumps()}, which can take minutes and is run last.
 * {@code tissu load} and the running service's admin API both publish through this class; callers run one
 * publication at a time on a store (one writer; readers are served throughout).
 */
public final class Publication {
    private final Store store;
    private final SearchIndex index;
    private final Ids ids;
    private final String territory;
    private final Path data;

    /**
     * Publishing into {@code store} and {@code index}, naming things under {@code ids}, for an instance serving
     * {@code territory} (EPCI SIREN or INSEE code; {@code null}: the communes with activities), whose data directory
     * ({@code data}) holds the change feed, the request counts and the dumps.
     */
    public Publication(Store store, SearchIndex index, Ids ids, String territory, Path data) {
        this.store = store;
        this.index = index;
        this.ids = ids;
        this.territory = territory;
        this.data = data;
    }

    /** What a publication did: one report per file, and the computed indicators (or {@code null} when not run). */
    public record Result(List<FileReport> reports, ComputedIndicators.Result computed) {
    }

    /**
     * Loads {@code files}, each all-or-nothing, then brings the derived data up to date. Association (RNA) files go
     * first, so that the activities of the same publication find their associations; the others keep their order.
     */
    public Result load(List<Path> files, Loader.Options options, Consumer<FileReport> eachFile) {
        long before = store.version(); // the index's incremental update starts from here: no thing is in the
        VocabularyGraph.ensure(store, ids); // vocabulary graph, which records the base things are named under
        Loader loader = new Loader(store, ids);
        List<FileReport> reports = new ArrayList<>();
        Map<Boolean, List<Path>> rna = files.stream().collect(Collectors.partitioningBy(f -> Loader.detect(f)
                .filter(SourceFormat.RNA::equals).isPresent())); // each header read once, the order kept
        List<Path> ordered = new ArrayList<>(rna.get(true));
        ordered.addAll(rna.get(false));
        for (Path file : ordered) {
            FileReport report = loader.load(file, options);
            reports.add(report);
            eachFile.accept(report);
        }
        List<Node> changed = reports.stream().filter(Publication::written).map(r -> NodeFactory.createURI(r.graph()))
                .distinct().toList();
        return new Result(reports, followUp(changed, before));
    }

    /**
     * Removes the source graph {@code graph} and what derives from it; false when the store has no such graph.
     */
    public boolean unload(Node graph) {
        if (!store.graphs().contains(graph)) {
            return false;
        }
        long before = store.version();
        store.drop(graph);
        followUp(List.of(graph), before);
        return true;
    }

    /** Writes the dumps again when they do not reflect the store's data version. */
    public void refreshDumps() {
        Dumps.refreshIfStale(store, ids, data.resolve("downloads"));
    }

    /** True when a report's file was written to the store. */
    public static boolean written(FileReport r) {
        return (r.status() == FileReport.Status.LOADED || r.status() == FileReport.Status.LOADED_WITH_REJECTIONS)
                && r.graph() != null;
    }

    private ComputedIndicators.Result followUp(List<Node> changed, long before) {
        ComputedIndicators.Result computed = null;
        if (!changed.isEmpty()) {
            computed = ComputedIndicators.recompute(store, ids, territory, data);
        }
        if (!changed.isEmpty() || index.version() != store.version()) {
            // the graphs that changed are read again; what was added, modified and removed goes to the change feed
            try (Changes changes = index.update(store, changed, before)) {
                ChangeLog.append(data.resolve(ChangeLog.FILE), store.version(), store.lastModified(), changes);
            }
        }
        return computed;
    }
}

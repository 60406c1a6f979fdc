package fr.tissu.loader.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import fr.tissu.loader.Publication;
import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tissu unload}: removes sources (by the file name they were loaded from) and what derives from them: the
 * search index, the computed indicators and the change feed follow (removed things as tombstones), then the dumps.
 * On a data directory held by a running server, or with {@code --server}, the service removes them.
 */
@Command(name = "unload", mixinStandardHelpOptions = true,
        description = "Remove sources, by the file name they were loaded from (e.g. activites.csv).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every source removed", "2:a source was not loaded (nothing removed for it)",
            "4:the store could not be opened (or the service could not be reached, or refused the token)",
            "64:bad usage"})
public class UnloadCommand implements Callable<Integer> {
    private final String defaultBase;
    private final String spatial;

    @Mixin
    Destination to = new Destination();

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "source names (the loaded files' names)")
    List<String> names = new ArrayList<>();

    /**
     * An unload command whose URIs default to {@code defaultBase}, for an instance whose computed indicators cover
     * {@code spatial} (or {@code null}).
     */
    public UnloadCommand(String defaultBase, String spatial) {
        this.defaultBase = defaultBase;
        this.spatial = spatial;
    }

    @Override
    public Integer call() {
        URI remote = to.server();
        Path data = to.data;
        Store store = null;
        if (remote == null) {
            try {
                store = DataDirectory.open(data);
            } catch (RuntimeException e) {
                remote = RemoteLoad.serverOf(data).orElse(null);
                if (remote == null) {
                    System.err.println("cannot open the store in " + data + ": " + e.getMessage());
                    return ExitCode.STORE_UNAVAILABLE.code();
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (remote != null) {
            Integer refused = to.through(remote, service -> {
                for (String name : names) {
                    if (!service.unload(name)) {
                        missing.add(name);
                    }
                }
            });
            if (refused != null) {
                return refused;
            }
        } else {
            try (Store opened = store; SearchIndex index = SearchIndex.open(data.resolve("search"))) {
                Ids ids = DataDirectory.ids(null, defaultBase, opened);
                Publication publication = new Publication(opened, index, ids, spatial, data);
                for (String name : names) {
                    if (!publication.unload(ids.graph(name))) {
                        missing.add(name);
                    }
                }
                publication.refreshDumps();
            }
        }
        for (String name : names) {
            System.out.println(name + (missing.contains(name) ? ": not loaded, nothing removed" : ": removed"));
        }
        return missing.isEmpty() ? 0 : ExitCode.REFUSED.code();
    }
}

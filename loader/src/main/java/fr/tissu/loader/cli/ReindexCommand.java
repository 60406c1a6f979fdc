package fr.tissu.loader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tissu reindex}: rebuilds the search index from the store. The index is derived data and normally follows
 * every load by itself (and is rebuilt at start when it does not reflect the store); this rebuilds it on demand.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the full-text search index from the store.",
            "Stop the server first: the store and the index are opened for writing."})
public class ReindexCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    @Override
    public Integer call() {
        Path dir = data.resolve("tdb2");
        if (!Files.isDirectory(dir)) {
            System.err.println("no store in " + data);
            return ExitCode.FAILED.code();
        }
        long start = System.nanoTime();
        try (Store store = Store.create(StoreConfig.tdb2(dir));
             SearchIndex index = SearchIndex.open(data.resolve("search"))) {
            long[] count = {0};
            index.rebuild(store, n -> {
                count[0] = n;
                System.out.printf("\rindexed %,d documents", n);
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nsearch index rebuilt for data version %d: %,d documents in %.1f s (%,.0f "
                    + "documents/s)%n",
                    index.version(), index.size(), seconds, count[0] / seconds);
        } catch (RuntimeException e) {
            System.err.println("cannot rebuild the index in " + data + ": " + e.getMessage()
                    + " (is a server running on this data directory? stop it first)");
            return ExitCode.STORE_UNAVAILABLE.code();
        }
        return ExitCode.OK.code();
    }
}

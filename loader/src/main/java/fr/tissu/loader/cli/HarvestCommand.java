package fr.tissu.loader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import fr.tissu.loader.Dumps;
import fr.tissu.loader.Harvester;
import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import org.apache.jena.graph.NodeFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tissu harvest URL}: loads another Tissu instance's indicators, found through its DCAT catalogue, into a
 * named graph of this store. Example: {@code ./tissu harvest https://tissu.saint-malo.example/catalog}.
 */
@Command(name = "harvest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Harvest another Tissu instance's indicators through its DCAT catalogue, to compare with them.",
            "The indicators dataset's N-Triples dump is downloaded, checked against the catalogue's size and SHA-256, "
                    + "and loaded into its own named graph (replaced at each harvest) with its provenance.",
            "Stop the server first: the store is opened for writing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:harvested", "3:the catalogue or the dump could not be read or checked: nothing was loaded",
            "4:the store could not be opened", "64:bad usage"})
public class HarvestCommand implements Callable<Integer> {
    private final String defaultBase;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    @Option(names = "--base", paramLabel = "URI", description = "base URI of this instance's URIs (default: the "
            + "service's configured base-uri)")
    String base;

    @Parameters(arity = "1", paramLabel = "URL", description = "the other instance's catalogue, e.g. "
            + "https://tissu.example.org/catalog")
    String url;

    /** A harvest command whose URIs default to {@code defaultBase}. */
    public HarvestCommand(String defaultBase) {
        this.defaultBase = defaultBase;
    }

    @Override
    public Integer call() {
        Store store = DataDirectory.openStore(data);
        if (store == null) {
            return ExitCode.STORE_UNAVAILABLE.code();
        }
        Ids ids = DataDirectory.ids(base, defaultBase, store);
        try (store; SearchIndex index = SearchIndex.open(data.resolve("search"))) {
            long before = store.version();
            Harvester.Result result;
            try {
                result = new Harvester().harvest(store, ids, url, data.resolve("tmp"));
            } catch (Harvester.HarvestException e) {
                System.err.println("harvest of " + url + " failed: " + e.getMessage());
                return ExitCode.FAILED.code();
            }
            if (index.version() == before) {
                index.update(store, List.of(NodeFactory.createURI(result.graph())), before).close();
            }
            Dumps.refreshIfStale(store, ids, data.resolve("downloads"));
            System.out.println("harvested " + result.observations() + " observations (" + result.triples()
                    + " triples) of " + result.dataset() + " from " + result.download() + " into " + result.graph()
                    + " (SHA-256 " + result.sha256() + ")");
            return ExitCode.OK.code();
        }
    }
}

package fr.tissu.loader.cli;

import java.io.IOException;
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
import picocli.CommandLine.Option;
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

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    @Option(names = "--server", paramLabel = "URL", description = "remove them from this running Tissu service (token "
            + "from TISSU_TOKEN or --token-file)")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "a file whose first line is the publishing "
            + "token (default: the environment variable TISSU_TOKEN)")
    Path tokenFile;

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
        URI remote = server != null ? URI.create(server.endsWith("/") ? server : server + "/") : null;
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
            try {
                String token = RemoteLoad.token(tokenFile);
                if (token == null) {
                    System.err.println("give a publishing token in TISSU_TOKEN or with --token-file FILE");
                    return ExitCode.STORE_UNAVAILABLE.code();
                }
                RemoteLoad service = new RemoteLoad(remote, token, System.err);
                for (String name : names) {
                    if (!service.unload(name)) {
                        missing.add(name);
                    }
                }
            } catch (RemoteLoad.Unreachable e) {
                System.err.println(e.getMessage());
                return ExitCode.STORE_UNAVAILABLE.code();
            } catch (IOException e) {
                System.err.println("cannot read the token file " + tokenFile + ": " + e.getMessage());
                return ExitCode.USAGE.code();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.STORE_UNAVAILABLE.code();
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

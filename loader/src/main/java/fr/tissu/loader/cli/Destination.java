package fr.tissu.loader.cli;

import java.net.URI;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where {@code load}, {@code validate} and {@code unload} go (a picocli mixin): a data directory, or a running
 * Tissu service's admin API — named with {@code --server}, or found because a server holds the data directory.
 */
final class Destination {
    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    @Option(names = "--server", paramLabel = "URL", description = "go through this running Tissu service (its admin "
            + "API) instead of the data directory; the token comes from TISSU_TOKEN or --token-file. Without it, a "
            + "data directory held by a running server is reached through that server")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "a file whose first line is the publishing "
            + "token (default: the environment variable TISSU_TOKEN)")
    Path tokenFile;

    /** The service named with {@code --server} (with a trailing {@code /}), or {@code null}. */
    URI server() {
        return server == null ? null : URI.create(server.endsWith("/") ? server : server + "/");
    }
}

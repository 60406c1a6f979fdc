package fr.tissu.loader.cli;

import java.io.IOException;
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

    /** What a command does through a running service. */
    @FunctionalInterface
    interface Remote {
        void run(RemoteLoad service) throws RemoteLoad.Unreachable, InterruptedException;
    }

    /**
     * Runs {@code action} with the service at {@code remote} and the token (from {@code --token-file}, else
     * {@code TISSU_TOKEN}); {@code null} when it ran, else the exit code, the reason printed on stderr.
     */
    Integer through(URI remote, Remote action) {
        try {
            String token = RemoteLoad.token(tokenFile);
            if (token == null) {
                System.err.println("a Tissu service at " + remote + " publishes into " + (server != null ? "its data"
                        : data) + ": give a publishing token in the environment variable TISSU_TOKEN or with "
                        + "--token-file FILE (tissu token NAME makes one)");
                return ExitCode.STORE_UNAVAILABLE.code();
            }
            action.run(new RemoteLoad(remote, token, System.err));
            return null;
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
    }

    /** The service named with {@code --server} (with a trailing {@code /}), or {@code null}. */
    URI server() {
        return server == null ? null : URI.create(server.endsWith("/") ? server : server + "/");
    }
}

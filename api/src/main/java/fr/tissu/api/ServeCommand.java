package fr.tissu.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import fr.tissu.api.core.Instance;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.cli.ExitCode;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tissu serve}: starts the service on the embedded store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the service on the embedded store in DIR.",
            "On an empty store, first load the reference communes and the bundled synthetic sample."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default: server.port, 8080)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: tissu.data-dir, ./data)")
    Path data;

    @Option(names = "--base", paramLabel = "URL", description = {"public base URL: things are named {base}/id/…, "
            + "and links and downloads point there (default: tissu.base-uri; without one, http://localhost:PORT, "
            + "or the base the data directory's data is already named under).",
        "Behind a reverse proxy, give the URL the public reaches (e.g. https://data.example.fr)."})
    String base;

    @Override
    public Integer call() {
        LogConfig.configureRuntime();
        Config config = Config.create();
        TissuConfig tissuConfig = TissuConfig.create(config.get("tissu"));
        if (data != null) {
            tissuConfig = tissuConfig.withDataDir(data);
        }
        if (base != null) {
            tissuConfig = tissuConfig.withBase(base);
        }
        int served = port != null ? port : config.get("server.port").asInt().orElse(TissuConfig.DEFAULT_PORT);
        if (served == 0) {
            served = freePort();
        }
        tissuConfig = tissuConfig.servedOn(served);
        Instance tissu;
        try {
            tissu = Instance.open(tissuConfig);
        } catch (RuntimeException e) {
            System.err.println("cannot open the store in " + tissuConfig.dataDir() + ": " + e.getMessage()
                    + " (is another server or a load running on this data directory?)");
            return ExitCode.STORE_UNAVAILABLE.code();
        }
        Bootstrap.prepare(tissu);
        WebServer server = Main.start(config, tissu, served);
        // 'tissu load' on this data directory publishes through this server while it runs (its admin API)
        Path address = tissuConfig.dataDir().resolve("admin").resolve("server");
        try {
            Files.createDirectories(address.getParent());
            Files.writeString(address, "http://127.0.0.1:" + server.port() + "/\n");
        } catch (IOException e) {
            System.err.println("cannot write " + address + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            tissu.close();
            address.toFile().delete();
        }));
        System.out.println("Tissu is serving on http://localhost:" + server.port() + "/ (public base "
                + tissu.config().publicUrl() + ", data in " + tissuConfig.dataDir() + ")");
        Thread.ofPlatform().daemon().name("dumps").start(() -> Bootstrap.refreshDumps(tissu));
        return TissuCommand.KEEP_RUNNING;
    }

    /** A port nothing listens on now, for {@code --port 0}: the links must name the port before the server starts. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

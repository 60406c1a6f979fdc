package fr.tissu.loader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tissu compact}: reclaims the disk space of replaced graphs. TDB2 never overwrites: each reload of a file
 * adds a new copy of its graph until the store is compacted. Run it after large or repeated loads.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Reclaim the disk space of replaced graphs (TDB2 keeps old copies until compacted).",
            "Stop the server first: the store is opened for writing."})
public class CompactCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    @Override
    public Integer call() {
        Path dir = data.resolve("tdb2");
        if (!Files.isDirectory(dir)) {
            System.err.println("no store in " + data);
            return ExitCode.FAILED.code();
        }
        long before = size(dir);
        long start = System.currentTimeMillis();
        try (Store store = Store.create(StoreConfig.tdb2(dir))) {
            store.compact();
        } catch (RuntimeException e) {
            System.err.println("cannot compact the store in " + data + ": " + e.getMessage()
                    + " (is a server running on this data directory? stop it first)");
            return ExitCode.STORE_UNAVAILABLE.code();
        }
        System.out.printf("compacted %s in %.1f s: %,d MB -> %,d MB%n", dir,
                (System.currentTimeMillis() - start) / 1000.0,
                before >> 20, size(dir) >> 20);
        return ExitCode.OK.code();
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

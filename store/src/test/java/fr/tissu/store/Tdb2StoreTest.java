package fr.tissu.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded TDB2 store, on disk in a temporary directory. */
class Tdb2StoreTest extends AbstractStoreContractTest {
    @TempDir
    Path dir;

    @Override
    Store open() {
        return Store.create(StoreConfig.tdb2(dir.resolve("tdb2")));
    }

    @org.junit.jupiter.api.Test
    void compactionReclaimsReplacedGraphsAndKeepsTheData() throws IOException {
        for (int round = 0; round < 5; round++) {
            Triple[] many = new Triple[5000];
            for (int i = 0; i < many.length; i++) {
                many[i] = t("r" + round + "-" + i, i);
            }
            write(G1, many);
        }
        long before = size();
        long version = store.version();
        store.compact();
        org.junit.jupiter.api.Assertions.assertTrue(size() < before, "compaction must shrink " + before + " bytes");
        org.junit.jupiter.api.Assertions.assertEquals(5000, count());
        org.junit.jupiter.api.Assertions.assertEquals(version, store.version());
        write(G2, t("after", 1));
        org.junit.jupiter.api.Assertions.assertEquals(5001, count(), "the store is writable after compaction");
    }

    /**
     * A query still being answered when the store closes (a response streaming as the server stops) is waited for,
     * then the database is released: the next process opens it. It used to fail at once with "Can't expel: Active
     * transactions", leaving the database held until the process ended.
     */
    @org.junit.jupiter.api.Test
    void closeWaitsForAQueryStillBeingAnsweredThenReleasesTheDatabase() throws Exception {
        write(G1, many("c", 100));
        var reading = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var reader = java.util.concurrent.CompletableFuture.runAsync(() -> store.select(
                "SELECT * { ?s ?p ?o }", T, row -> {
                    reading.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        org.junit.jupiter.api.Assertions.assertTrue(reading.await(10, java.util.concurrent.TimeUnit.SECONDS));
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }).start();
        store.close();
        reader.get(10, java.util.concurrent.TimeUnit.SECONDS);
        store = open();
        org.junit.jupiter.api.Assertions.assertEquals(100, count(), "the database was released and opens again");
    }

    private long size() throws IOException {
        try (var files = Files.walk(dir.resolve("tdb2"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}

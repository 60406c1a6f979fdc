package fr.tissu.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded TDB2 store, on disk in a temporary directory. */
class Tdb2StoreTest extends AbstractStoreContractTest {
    @TempDir
    Path dir;

    @Override
    Store open() {
        return Store.create(StoreConfig.tdb2(dir.resolve("tdb2")));
    }
}

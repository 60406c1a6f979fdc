package fr.tissu.loader.cli;

import java.nio.file.Path;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;

/** The data directory's store, as the commands that write to it open it. */
final class DataDirectory {
    private DataDirectory() {
    }

    /** The store of {@code data} opened for writing, or {@code null} after saying why it cannot be. */
    static Store openStore(Path data) {
        try {
            return Store.create(StoreConfig.tdb2(data.resolve("tdb2")));
        } catch (RuntimeException e) {
            System.err.println("cannot open the store in " + data + ": " + e.getMessage()
                    + " (is a server running on this data directory? stop it first)");
            return null;
        }
    }
}

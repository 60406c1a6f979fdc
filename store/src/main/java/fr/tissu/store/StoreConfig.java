package fr.tissu.store;

import java.nio.file.Path;

/**
 * Which store to open.
 *
 * @param kind     {@code tdb2} (embedded, on disk) or {@code memory} (embedded, for tests)
 * @param location the TDB2 directory
 */
public record StoreConfig(String kind, Path location) {

    /** An embedded TDB2 store in {@code location}. */
    public static StoreConfig tdb2(Path location) {
        return new StoreConfig("tdb2", location);
    }
}

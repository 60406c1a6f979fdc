package fr.tissu.loader.cli;

import java.nio.file.Path;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;

/** The data directory's store, as the commands that write to it open it. */
final class DataDirectory {
    private DataDirectory() {
    }

    /** The base of a service run without a configured base nor a port. */
    static final String DEFAULT_BASE = "http://localhost:8080";

    /**
     * The URIs a command mints: under {@code option} ({@code --base}), else the configured base, else the base the
     * store's data is already named under (URIs do not change), else {@link #DEFAULT_BASE}.
     */
    static Ids ids(String option, String configured, Store store) {
        if (option != null) {
            return new Ids(option);
        }
        if (configured != null) {
            return new Ids(configured);
        }
        return new Ids(store == null ? DEFAULT_BASE : Ids.baseOf(store.graphs()).orElse(DEFAULT_BASE));
    }

    /** The store of {@code data} opened for writing; an exception when it cannot be (a server holds it). */
    static Store open(Path data) {
        return Store.create(StoreConfig.tdb2(data.resolve("tdb2")));
    }

    /** The store of {@code data} opened for writing, or {@code null} after saying why it cannot be. */
    static Store openStore(Path data) {
        try {
            return open(data);
        } catch (RuntimeException e) {
            System.err.println("cannot open the store in " + data + ": " + e.getMessage()
                    + " (is a server running on this data directory? stop it first)");
            return null;
        }
    }
}
